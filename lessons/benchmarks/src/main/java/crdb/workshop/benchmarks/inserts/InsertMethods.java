package crdb.workshop.benchmarks.inserts;

import crdb.workshop.benchmarks.inserts.InsertMethod.Strategy;
import crdb.workshop.chunked.insert.PointWrites;
import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.common.chunk.ChunkWrite;
import crdb.workshop.common.chunk.ChunkedWriter;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.url.ConnectionSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.session.ExecutorType;

/** Every insert method the benchmark compares and the tests check, over the same two pools. */
public final class InsertMethods {

    /**
     * The MyBatis multi-row path the lesson teaches, and recommends for speed: ChunkedWriter and one
     * INSERT of four arrays per chunk, which the benchmark measured at or above the fastest JDBC
     * INSERT method (docs/04-chunked-inserts-2-benchmark.md has the numbers).
     */
    public static final String MULTI_ROW_PATH = "MyBatis INSERT of arrays (unnest)";

    /** The lesson's recommended path: {@link #MULTI_ROW_PATH}. */
    public static final String RECOMMENDED = MULTI_ROW_PATH;

    /**
     * The lesson's simple path, the one its main class runs: MyBatis's BATCH executor, one mapper
     * call per row, and pgjdbc's reWriteBatchedInserts. Measured, with its cost, not recommended.
     */
    public static final String SIMPLE = "MyBatis BATCH, reWriteBatchedInserts";

    /** The multi-row path the lesson does not teach, measured to show why. */
    public static final String FOREACH = "MyBatis <foreach> multi-row INSERT";

    private InsertMethods() {
    }

    /**
     * @param database  the lesson's database
     * @param rewriting the same database, opened with reWriteBatchedInserts=true
     *                  ({@link #openWithRewrittenBatches})
     */
    public static List<InsertMethod> all(Database database, Database rewriting) {
        return List.of(
                jdbc("JDBC one INSERT per row", Strategy.ONE_INSERT_PER_ROW, database, JdbcInserts::insertEach),
                jdbc("JDBC batch, reWriteBatchedInserts", Strategy.REWRITTEN_BATCH, rewriting, JdbcInserts::batch),
                jdbc("JDBC multi-row INSERT", Strategy.MULTI_ROW_INSERT, database, JdbcInserts::multiRow),
                jdbc("JDBC INSERT of arrays (unnest)", Strategy.ARRAY_INSERT, database, JdbcInserts::arrays),
                jdbc("JDBC COPY", Strategy.COPY, database, JdbcInserts::copy),
                myBatis("MyBatis one INSERT per row", Strategy.ONE_INSERT_PER_ROW, database, ExecutorType.SIMPLE,
                        PointWrites::insertEach),
                myBatis(SIMPLE, Strategy.REWRITTEN_BATCH, rewriting, ExecutorType.BATCH,
                        PointWrites::insertEach),
                myBatis(FOREACH, Strategy.MULTI_ROW_INSERT, database,
                        ExecutorType.SIMPLE, PointWrites::multiRowInsert),
                myBatis(MULTI_ROW_PATH, Strategy.ARRAY_INSERT, database, ExecutorType.SIMPLE,
                        PointWrites::arrayInsert),
                myBatis("MyBatis COPY", Strategy.COPY, database, ExecutorType.SIMPLE, PointWrites::copy));
    }

    /**
     * A second pool to the same database whose connections let pgjdbc rewrite a batch of INSERTs
     * into multi-row INSERTs (a driver property, so it needs connections of its own). Close it.
     */
    public static Database openWithRewrittenBatches(Database database) {
        ConnectionSettings settings = database.settings();
        Properties properties = settings.properties();
        properties.setProperty("reWriteBatchedInserts", "true");
        return Database.open(new ConnectionSettings(settings.jdbcUrl(), properties,
                settings.display() + " (reWriteBatchedInserts=true)"), database.giveUpTime());
    }

    private interface JdbcLoader {
        void load(Connection connection, List<Point> points, int chunkSize) throws SQLException;
    }

    private static InsertMethod jdbc(String name, Strategy strategy, Database database, JdbcLoader loader) {
        DataSource pool = database.dataSource();
        return new InsertMethod(name, true, strategy, (points, chunkSize) -> {
            try (Connection connection = pool.getConnection()) {
                loader.load(connection, points, chunkSize);
            }
        });
    }

    private static InsertMethod myBatis(String name, Strategy strategy, Database database, ExecutorType executor,
            ChunkWrite<Point> write) {
        return new InsertMethod(name, false, strategy, (points, chunkSize) ->
                ChunkedWriter.<Point>into(database.sessionFactory())
                        .chunkSize(chunkSize)
                        .executorType(executor)
                        .build(write)
                        .write(points));
    }
}
