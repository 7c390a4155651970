package crdb.workshop.benchmarks.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import crdb.workshop.benchmarks.PlantedRows;
import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.settings.Settings;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.Sql;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service load command, run small: the books balance after the service's and the JDBC
 * transfer's runs, every key sent twice moved money once, and rows it did not write (an account
 * with the id the transfer benchmark gives its first account, another, and a transfer between them)
 * are there unchanged afterwards, with no schema of its own left. No timing is asserted.
 */
@DatabaseTest
@Timeout(300)
class ServiceLoadBenchmarkTest {

    private static final Map<String, String> SMALL_RUN = Map.of("bench.clients", "2", "bench.transfers", "6",
            "bench.accounts", "4", "bench.hot", "1,0", "bench.repeats", "1", "bench.resend", "0.5",
            "bench.warmUpSeconds", "0");

    private final Database database;

    ServiceLoadBenchmarkTest(Database database) {
        this.database = database;
    }

    @BeforeEach
    void plantRowsAndSettings(@TempDir Path dir) throws SQLException {
        database.runScript("crdb/workshop/transfers/schema.sql");
        PlantedRows.plantAccountsAndTransfer(database);
        SMALL_RUN.forEach(System::setProperty);
        System.setProperty("bench.chart", dir.resolve("chart.png").toString());
    }

    @AfterEach
    void clearSettings() {
        SMALL_RUN.keySet().forEach(System::clearProperty);
        System.clearProperty("bench.chart");
        System.clearProperty("bench.url");
    }

    @Test
    void aSmallRunKeepsTheBooksAppliesEveryKeyOnceAndLeavesOtherRowsAsTheyWere() throws Exception {
        List<String> before = everyRow();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            ServiceLoadBenchmark.run(database, out);
        }

        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("SELECT FOR UPDATE (lesson 06 service, HTTP)", "SELECT FOR UPDATE (JDBC)",
                "keys answered as applied twice: 0", "Service / JDBC: transfers/s").doesNotContain("BOOKS BROKEN");
        assertThat(printed.lines().filter(line -> line.endsWith("books balanced")).count())
                .as("table rows with balanced books: two contenders at two hot shares").isEqualTo(4);
        assertThat(everyRow()).as("every row of accounts and transfers").isEqualTo(before);
        assertThat(Sql.rows(database,
                "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'service_load_%'"))
                .as("schemas left behind").containsExactly("0 ");
        assertThat(Files.readAllBytes(Path.of(System.getProperty("bench.chart")))).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aRunningServiceWithoutDatabaseUrlIsRefusedBeforeAnythingIsWritten() throws Exception {
        assumeThat(Settings.fromEnvironment().databaseUrl()).as("DATABASE_URL would name the service's database")
                .isEmpty();
        List<String> before = everyRow();
        System.setProperty("bench.url", "http://127.0.0.1:9");

        assertThatThrownBy(() -> ServiceLoadBenchmark.run(database, new PrintStream(new ByteArrayOutputStream())))
                .isInstanceOf(WorkshopException.class).hasMessageContaining("DATABASE_URL");
        assertThat(everyRow()).isEqualTo(before);
    }

    private List<String> everyRow() throws SQLException {
        return PlantedRows.accountsAndTransfers(database);
    }
}
