package crdb.workshop.chunked.insert;

import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.chunked.mapper.PointColumns;
import crdb.workshop.chunked.mapper.PointMapper;
import crdb.workshop.common.chunk.BindParameterLimit;
import java.sql.SQLException;
import java.util.List;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;

/**
 * Ways to write one chunk of points inside the transaction a ChunkedWriter opened for it. Each
 * is a {@code ChunkWrite<Point>}: {@code .build(PointWrites::multiRowInsert)}.
 */
public final class PointWrites {

    private PointWrites() {
    }

    // tag::array-insert[]
    /** One INSERT per chunk, the chunk's columns as four arrays: MyBatis's fast multi-row path. */
    public static void arrayInsert(SqlSession session, List<Point> chunk) {
        session.getMapper(PointMapper.class).insertColumns(PointColumns.of(chunk));
    }
    // end::array-insert[]

    // tag::multi-row-insert[]
    /**
     * One multi-row INSERT per chunk, split only where pgjdbc's 65,535-parameter limit demands.
     * Simple, and slow through MyBatis: {@code <foreach>} rebuilds and re-parses the SQL, four
     * placeholders per row, on every call (docs/04-chunked-inserts-2-benchmark.md has the profile).
     */
    public static void multiRowInsert(SqlSession session, List<Point> chunk) {
        PointMapper points = session.getMapper(PointMapper.class);
        for (List<Point> statement : BindParameterLimit.slices(chunk, Point.COLUMNS)) {
            points.insertAll(statement);
        }
    }
    // end::multi-row-insert[]

    // tag::insert-each[]
    /**
     * One INSERT per point. Under {@code ExecutorType.SIMPLE} each is a round trip. Under
     * {@code ExecutorType.BATCH} (the lesson's way) MyBatis queues them and sends one JDBC batch
     * when the chunk commits, which pgjdbc rewrites into multi-row INSERTs when the connection has
     * reWriteBatchedInserts=true.
     */
    public static void insertEach(SqlSession session, List<Point> chunk) {
        PointMapper points = session.getMapper(PointMapper.class);
        for (Point point : chunk) {
            points.insert(point);
        }
    }
    // end::insert-each[]

    /**
     * COPY ... FROM STDIN on the session's connection. The fastest path into the table, but COPY
     * has no ON CONFLICT: a point that is already there fails the chunk (SQLSTATE 23505), so a
     * re-run after a partial load needs a fresh table or a staging table.
     */
    public static void copy(SqlSession session, List<Point> chunk) {
        try {
            PointCopy.copyIn(session.getConnection(), chunk);
        } catch (SQLException e) {
            throw new PersistenceException("COPY of " + chunk.size() + " points failed", e);
        }
    }
}
