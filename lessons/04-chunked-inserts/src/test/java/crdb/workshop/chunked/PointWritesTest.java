package crdb.workshop.chunked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.chunked.insert.PointWrites;
import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.chunked.mapper.PointMapper;
import crdb.workshop.common.chunk.ChunkedWriter;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.url.ConnectionSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver limits the lesson talks about are real, and the lesson's chunk writes live with
 * them: a rewritten batch reports no row counts, a statement carries at most 65,535 parameters,
 * and the multi-row and array writes send a chunk above that limit anyway.
 */
@DatabaseTest
class PointWritesTest {

    private static Database rewriting;
    private static Database notRewriting;
    private final Database database;

    PointWritesTest(Database database) {
        this.database = database;
    }

    @BeforeAll
    static void setUp(Database database) {
        PointsTable.create(database);
        rewriting = ChunkedInsertLesson.openWithRewrittenBatches(database);
        // Every workshop pool rewrites batches now; this one is told not to, for the comparison.
        Properties properties = database.settings().properties();
        properties.setProperty("reWriteBatchedInserts", "false");
        notRewriting = Database.open(new ConnectionSettings(database.settings().jdbcUrl(), properties,
                database.settings().display() + " (reWriteBatchedInserts=false)"));
    }

    @AfterAll
    static void closePools() {
        rewriting.close();
        notRewriting.close();
    }

    @BeforeEach
    void emptyTable() {
        PointsTable.empty(database);
    }

    @Test
    void rewrittenBatchesReportSuccessNoInfoInsteadOfRowCounts() {
        List<Point> points = Points.generate("batch", 3);
        // pgjdbc rewrote the first two INSERTs into one two-row INSERT and cannot say which row
        // did what: -2 each. The third went alone and kept its count. Summing these means nothing.
        assertThat(batchUpdateCounts(rewriting, points)).containsExactly(
                Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO, 1);
        PointsTable.empty(database);
        assertThat(batchUpdateCounts(notRewriting, points)).containsExactly(1, 1, 1); // not rewritten: a count per row
        PointsTable.assertHoldsExactly(database, points);
    }

    @Test
    void oneStatementCannotCarryMoreThan65535BindParameters() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            assertThatThrownBy(() -> connection.prepareStatement(multiRowSql(16_384))) // 65,536 parameters
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("at most 65,535 parameters");
            connection.prepareStatement(multiRowSql(16_383)).close(); // 65,532: accepted
        }
    }

    @Test
    void theMultiRowChunkWriteSplitsAChunkAboveTheLimit() {
        List<Point> points = Points.generate("big-chunk", 20_000);
        ChunkedWriter.<Point>into(database.sessionFactory()).chunkSize(20_000)
                .build(PointWrites::multiRowInsert).write(points);
        PointsTable.assertHoldsExactly(database, points);
    }

    @Test
    void theArrayInsertSendsAChunkAboveTheParameterLimitAsOneStatement() {
        List<Point> points = Points.generate("arrays", 20_000); // 80,000 values, four parameters
        ChunkedWriter.<Point>into(database.sessionFactory()).chunkSize(20_000)
                .build(PointWrites::arrayInsert).write(points);
        PointsTable.assertHoldsExactly(database, points);
        ChunkedWriter.<Point>into(database.sessionFactory()).chunkSize(7)
                .build(PointWrites::arrayInsert).write(points.subList(0, 30)); // sent again: skipped
        PointsTable.assertHoldsExactly(database, points);
    }

    /** Inserts through MyBatis's BATCH executor and returns what the driver said per row. */
    private static List<Integer> batchUpdateCounts(Database on, List<Point> points) {
        try (SqlSession session = on.sessionFactory().openSession(ExecutorType.BATCH)) {
            PointMapper mapper = session.getMapper(PointMapper.class);
            points.forEach(mapper::insert);
            List<BatchResult> results = session.flushStatements();
            session.commit();
            return results.stream().flatMap(r -> Arrays.stream(r.getUpdateCounts()).boxed()).toList();
        }
    }

    private static String multiRowSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO points (id, x, y, z) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
        }
        return sql.toString();
    }
}
