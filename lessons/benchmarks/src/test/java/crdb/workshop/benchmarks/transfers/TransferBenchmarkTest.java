package crdb.workshop.benchmarks.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ExpectedOutput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark command, run small: it prints a table per hot share, the ratios and the targets,
 * as docs/03-transfers-4-load.md shows, and draws its chart. (What it measures is not checked here:
 * a test asserts relations, the benchmark reports numbers.)
 */
@DatabaseTest
@Timeout(180)
class TransferBenchmarkTest {

    private static final Map<String, String> SMALL_RUN = Map.of("bench.threads", "2", "bench.transfers", "10",
            "bench.accounts", "4", "bench.hot", "0,1", "bench.repeats", "1", "bench.profileSeconds", "1", "bench.warmUpSeconds", "0");

    @Test
    void aSmallRunPrintsTheTablesAndTargetsAndDrawsTheChart(Database database, @TempDir Path dir) throws Exception {
        Path chart = dir.resolve("chart.png");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        SMALL_RUN.forEach(System::setProperty);
        System.setProperty("bench.chart", chart.toString());
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            TransferBenchmark.run(database, out);
        } finally {
            SMALL_RUN.keySet().forEach(System::clearProperty);
            System.clearProperty("bench.chart");
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);

        assertThat(printed).contains("SELECT FOR UPDATE (MyBatis)", "SELECT FOR UPDATE (JDBC)", "invariants held")
                .doesNotContain("INVARIANTS BROKEN");
        assertThat(printed).as("client CPU per transfer, and the profile split").contains(
                "Client CPU per committed transfer", "MyBatis (org.apache.ibatis)", "workspace core (crdb.workshop.common)");
        assertThat(Files.readAllBytes(chart)).startsWith(0x89, 'P', 'N', 'G');
        ExpectedOutput.assertMatches("docs/03-transfers-4-load.md", "transfer-benchmark", "Database: test\n" + printed);
    }
}
