package crdb.workshop.benchmarks.inserts;

import crdb.workshop.chunked.insert.PointCopy;
import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.chunked.mapper.PointColumns;
import crdb.workshop.common.chunk.BindParameterLimit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The same four ways to insert, in plain JDBC on one connection, committing after each chunk: the
 * baselines the benchmark holds the MyBatis paths against. No retries: a baseline measures the
 * driver, and a single writer of fresh keys has nothing to conflict with.
 */
public final class JdbcInserts {

    static final String INSERT_ONE =
            "INSERT INTO points (id, x, y, z) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";

    static final String INSERT_ARRAYS = "INSERT INTO points (id, x, y, z)"
            + " SELECT * FROM unnest(CAST(? AS UUID[]), CAST(? AS FLOAT8[]), CAST(? AS FLOAT8[]), CAST(? AS FLOAT8[]))"
            + " ON CONFLICT (id) DO NOTHING";

    private JdbcInserts() {
    }

    /** One executeUpdate per point. */
    public static void insertEach(Connection connection, List<Point> points, int chunkSize) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ONE)) {
            eachChunk(connection, points, chunkSize, chunk -> {
                for (Point point : chunk) {
                    bind(insert, 0, point);
                    insert.executeUpdate();
                }
            });
        }
    }

    /** addBatch per point, executeBatch per chunk; give the connection reWriteBatchedInserts=true. */
    public static void batch(Connection connection, List<Point> points, int chunkSize) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ONE)) {
            eachChunk(connection, points, chunkSize, chunk -> {
                for (Point point : chunk) {
                    bind(insert, 0, point);
                    insert.addBatch();
                }
                insert.executeBatch();
            });
        }
    }

    /** One multi-row INSERT per chunk (per 16,383 points, pgjdbc's bind parameter limit). */
    public static void multiRow(Connection connection, List<Point> points, int chunkSize) throws SQLException {
        eachChunk(connection, points, chunkSize, chunk -> {
            for (List<Point> slice : BindParameterLimit.slices(chunk, Point.COLUMNS)) {
                try (PreparedStatement insert = connection.prepareStatement(multiRowSql(slice.size()))) {
                    for (int i = 0; i < slice.size(); i++) {
                        bind(insert, i * Point.COLUMNS, slice.get(i));
                    }
                    insert.executeUpdate();
                }
            }
        });
    }

    /** One INSERT per chunk with the columns as four arrays, as PointMapper.insertColumns. */
    public static void arrays(Connection connection, List<Point> points, int chunkSize) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ARRAYS)) {
            eachChunk(connection, points, chunkSize, chunk -> {
                PointColumns columns = PointColumns.of(chunk);
                insert.setObject(1, columns.ids());
                insert.setObject(2, columns.xs());
                insert.setObject(3, columns.ys());
                insert.setObject(4, columns.zs());
                insert.executeUpdate();
            });
        }
    }

    /** COPY ... FROM STDIN per chunk. */
    public static void copy(Connection connection, List<Point> points, int chunkSize) throws SQLException {
        eachChunk(connection, points, chunkSize, chunk -> PointCopy.copyIn(connection, chunk));
    }

    static String multiRowSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO points (id, x, y, z) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
        }
        return sql.append(" ON CONFLICT (id) DO NOTHING").toString();
    }

    private static void bind(PreparedStatement insert, int offset, Point point) throws SQLException {
        insert.setObject(offset + 1, point.id());
        insert.setDouble(offset + 2, point.x());
        insert.setDouble(offset + 3, point.y());
        insert.setDouble(offset + 4, point.z());
    }

    private interface ChunkBody {
        void write(List<Point> chunk) throws SQLException;
    }

    /** Runs {@code body} for each chunk and commits it; rolls back the chunk that fails. */
    private static void eachChunk(Connection connection, List<Point> points, int chunkSize, ChunkBody body)
            throws SQLException {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1 row per transaction, was " + chunkSize);
        }
        connection.setAutoCommit(false);
        for (int from = 0; from < points.size(); from += chunkSize) {
            try {
                body.write(points.subList(from, Math.min(from + chunkSize, points.size())));
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
