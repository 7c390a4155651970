package crdb.workshop.benchmarks;

import static crdb.workshop.common.testing.Sql.execute;
import static crdb.workshop.common.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.benchmarks.inserts.InsertBenchmark;
import crdb.workshop.benchmarks.transfers.TransferBenchmark;
import crdb.workshop.chunked.Points;
import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.chunked.mapper.PointMapper;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark never reads, changes or deletes a row it did not write, and leaves nothing behind,
 * even when it fails: rows planted in every table the benchmarks use (lesson 04's points, and an
 * account with the very id the transfer benchmark gives its first account) are there, unchanged,
 * after a small run of each, and no schema of theirs is left.
 */
@DatabaseTest
@Timeout(300)
class BenchmarksTouchNoRowOfOthersTest {

    private static final Map<String, String> SMALL_RUN = Map.of(
            "bench.threads", "2", "bench.transfers", "10", "bench.accounts", "4", "bench.hot", "0,1",
            "bench.repeats", "1", "bench.rows", "300", "bench.chunkSizes", "10,100", "bench.profileSeconds", "1",
            "bench.warmUpSeconds", "0");

    private final Database database;
    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    BenchmarksTouchNoRowOfOthersTest(Database database) {
        this.database = database;
    }

    @BeforeEach
    void plantRows(@TempDir Path dir) throws SQLException {
        database.runScript("crdb/workshop/transfers/schema.sql");
        database.runScript("crdb/workshop/chunked/schema.sql");
        execute(database, "DELETE FROM transfers");
        execute(database, "DELETE FROM accounts");
        execute(database, "DELETE FROM points");
        PlantedRows.plantAccountsAndTransfer(database);
        List<Point> lessonPoints = new ArrayList<>(Points.generate("tutorial", 50)); // lesson 04's own points
        lessonPoints.add(new Point(UUID.randomUUID(), 1, 2, 3));
        try (SqlSession session = database.sessionFactory().openSession()) {
            session.getMapper(PointMapper.class).insertAll(lessonPoints);
            session.commit();
        }
        SMALL_RUN.forEach(System::setProperty);
        System.setProperty("bench.chart", dir.resolve("chart.png").toString());
    }

    @AfterEach
    void clearSettings() {
        SMALL_RUN.keySet().forEach(System::clearProperty);
        System.clearProperty("bench.chart");
    }

    @Test
    void theTransferBenchmarkLeavesEveryRowItDidNotWriteAndNothingOfItsOwn() throws Exception {
        List<String> before = everyRow();

        TransferBenchmark.run(database, out);

        assertThat(everyRow()).as("every row of accounts, transfers and points").isEqualTo(before);
        assertThat(schemasLeft()).as("benchmark schemas left behind").isZero();
    }

    @Test
    void theInsertBenchmarkLeavesEveryRowItDidNotWriteAndNothingOfItsOwn() throws Exception {
        List<String> before = everyRow();

        InsertBenchmark.run(database, out);

        assertThat(everyRow()).as("every row of accounts, transfers and points").isEqualTo(before);
        assertThat(schemasLeft()).as("benchmark schemas left behind").isZero();
    }

    @Test
    void aBenchmarkThatFailsAtTheEndStillDropsItsSchema(@TempDir Path dir) throws Exception {
        List<String> before = everyRow();
        Path notAFolder = Files.createFile(dir.resolve("file"));
        System.setProperty("bench.chart", notAFolder.resolve("chart.png").toString()); // the chart cannot be written

        assertThatThrownBy(() -> InsertBenchmark.run(database, out))
                .isInstanceOf(java.io.IOException.class);

        assertThat(everyRow()).isEqualTo(before);
        assertThat(schemasLeft()).as("benchmark schemas left behind").isZero();
    }

    /** Every row of the three tables, as text, in a fixed order. */
    private List<String> everyRow() throws SQLException {
        List<String> rows = new ArrayList<>(PlantedRows.accountsAndTransfers(database));
        rows.addAll(rows(database, "SELECT id, x, y, z FROM points ORDER BY id"));
        return rows;
    }

    private long schemasLeft() throws SQLException {
        return Long.parseLong(rows(database, "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE"
                + " 'transfer_benchmark_%' OR schema_name LIKE 'insert_benchmark_%'").get(0).strip());
    }
}
