package crdb.workshop.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.AttemptCounter;
import crdb.workshop.common.testing.CommitFaults;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.url.ConnectionSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RetryExecutor suite's ambiguous commits, on a transfer, on the real server: COMMIT answered
 * with SQLSTATE 40003 "result is ambiguous" (raised by CommitFaults' deferred trigger on the
 * transfers table), and a session killed while its COMMIT waits at a gate (a deferred trigger
 * that takes an advisory lock the test holds). IdempotentTransfers runs the transfer with
 * inIdempotentTransaction, and the JDBC baseline by the same rules, so both retry, and the money
 * moves once.
 */
@DatabaseTest
@Timeout(120)
class AmbiguousCommitTransferTest {

    private static final long GATE = 4343;

    private static CommitFaults faults;

    private final Database database;
    private final Bank bank;
    private final AttemptCounter counter = new AttemptCounter();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private UUID first;
    private UUID second;

    AmbiguousCommitTransferTest(Database database) {
        this.database = database;
        this.bank = new Bank(database);
    }

    @BeforeAll
    static void installFaults(Database database) throws SQLException {
        assumeFalse(database.isCockroachDb(), "The faults are deferred constraint triggers and"
                + " pg_terminate_backend, which CockroachDB lacks; there ConnectionLossTest ends sessions with CANCEL"
                + " SESSION, and CockroachDB raises 40003 itself when a node fails mid-commit.");
        database.runScript("crdb/workshop/transfers/schema.sql");
        faults = CommitFaults.install(database, "transfers");
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE FUNCTION transfer_commit_gate() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        PERFORM pg_advisory_xact_lock(%d);
                        RETURN NULL;
                    END
                    $$""".formatted(GATE));
            statement.execute("DROP TRIGGER IF EXISTS transfer_commit_gate ON transfers");
            statement.execute("CREATE CONSTRAINT TRIGGER transfer_commit_gate AFTER INSERT ON transfers"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION transfer_commit_gate()");
            connection.commit();
        }
    }

    @BeforeEach
    void openAccounts() throws SQLException {
        bank.empty();
        first = bank.open(1000);
        second = bank.open(250);
        faults.failNextCommits("40001", 0);
    }

    @AfterEach
    void stopWorker() {
        worker.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crdb.workshop.transfers.Bank#strategies")
    void anAmbiguousCommitIsRetriedAndTheTransferAppliedOnce(String strategy) throws SQLException {
        faults.failNextCommits("40003", 1);

        boolean moved = bank.client(strategy, counter).transfer(UUID.randomUUID(), new Transfer(first, second, 100));

        assertThat(counter.retriedStates).containsExactly("40003");
        assertThat(faults.commitAttempts()).isEqualTo(2);
        assertThat(moved).as("the server had rolled the first attempt back, so the retry moved the money").isTrue();
        assertThat(bank.balances(first, second)).containsExactly(900L, 350L);
        assertThat(bank.transferRows()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crdb.workshop.transfers.Bank#strategies")
    void aSessionKilledWhileItsCommitWaitsIsRetriedAndTheTransferAppliedOnce(String strategy)
            throws Exception {
        Future<Boolean> moved;
        ConnectionSettings settings = database.settings();
        // The gate's own connection, outside the pool: its session-level lock must not outlive the test.
        try (Connection gate = DriverManager.getConnection(settings.jdbcUrl(), settings.properties());
             Statement statement = gate.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + GATE + ")");
            moved = worker.submit(() -> bank.client(strategy, counter)
                    .transfer(UUID.randomUUID(), new Transfer(first, second, 100)));
            terminate(gate, awaitWaiterAtTheGate(gate));
        } // closing the gate's connection lets the retry's COMMIT through

        assertThat(moved.get(60, TimeUnit.SECONDS)).as("the killed session's COMMIT had not finished").isTrue();
        assertThat(counter.retriedStates).singleElement()
                .satisfies(state -> assertThat(state).matches("08...|57P01"));
        assertThat(bank.balances(first, second)).containsExactly(900L, 350L);
        assertThat(bank.transferRows()).isEqualTo(1);
    }

    /** Waits (up to 30 s) for a session to wait for the gate's lock; returns its backend pid. */
    private static int awaitWaiterAtTheGate(Connection gate) throws SQLException, InterruptedException {
        try (PreparedStatement waiter = gate.prepareStatement("SELECT pid FROM pg_locks WHERE locktype = 'advisory'"
                + " AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            for (int i = 0; i < 600; i++) {
                try (ResultSet rs = waiter.executeQuery()) {
                    if (rs.next()) {
                        return rs.getInt(1);
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("no COMMIT reached the gate within 30 s");
    }

    private static void terminate(Connection gate, int pid) throws SQLException {
        try (PreparedStatement kill = gate.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
            kill.setInt(1, pid);
            try (ResultSet rs = kill.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("backend %d terminated", pid).isTrue();
            }
        }
    }
}
