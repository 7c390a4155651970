package crdb.workshop.common.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.mybatis.MyBatisFactory;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.CommitFaults;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ExpectedOutput;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * --echo-sql tells the transaction story: BEGIN with its isolation level, the statements, COMMIT
 * or ROLLBACK, and each retry, in the order they happened. The 40001 is a real one, raised by the
 * server at COMMIT ({@link CommitFaults}).
 */
@DatabaseTest
@Timeout(60)
class TransactionEchoTest {

    private static CommitFaults faults;

    private final Database database;
    private final RetryExecutor retry;
    private String begin;

    TransactionEchoTest(Database database) {
        this.database = database;
        this.retry = RetryExecutor.builder(database.sessionFactory())
                .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build();
    }

    @BeforeAll
    static void installFaults(Database database) throws SQLException {
        assumeFalse(database.isCockroachDb(), "The COMMIT fault is a PL/pgSQL constraint trigger, which only"
                + " PostgreSQL has; CockroachDB's retries are echoed the same way.");
        faults = CommitFaults.install(database, "accounts");
    }

    @BeforeEach
    void noPlannedFaults() throws SQLException {
        faults.failNextCommits("40001", 0);
        begin = "SQL BEGIN (" + defaultIsolation() + ")";
    }

    @Test
    void aRetriedCommitShowsTheFailureTheWaitAndTheNextAttemptInOrder() throws SQLException {
        Account account = new Account(UUID.randomUUID(), 100);
        faults.failNextCommits("40001", 1);

        List<String> echoed;
        try (EchoCapture echo = EchoCapture.start()) {
            retry.useTransaction(session -> session.getMapper(AccountMapper.class).insert(account));
            echo.close();
            echoed = echo.lines();
        }

        assertThat(echoed).hasSize(13);
        assertThat(echoed.subList(0, 5)).containsExactly(
                begin,
                "SQL ==>  Preparing: INSERT INTO accounts (id, balance) VALUES (?, ?)",
                "SQL ==> Parameters: " + account.id() + "(UUID), 100(Long)",
                "SQL <==    Updates: 1",
                "SQL COMMIT");
        assertThat(echoed.get(5)).startsWith("SQL <==      Error: SQLSTATE 40001: ");
        assertThat(echoed.get(6)).matches("SQL -- retry: attempt 1 failed with SQLSTATE 40001; attempt 2 starts in"
                + " \\d+ ms");
        assertThat(echoed.subList(7, 13)).containsExactly(
                begin + "  -- attempt 2",
                "SQL ==>  Preparing: INSERT INTO accounts (id, balance) VALUES (?, ?)",
                "SQL ==> Parameters: " + account.id() + "(UUID), 100(Long)",
                "SQL <==    Updates: 1",
                "SQL COMMIT",
                "SQL -- committed on attempt 2");
        assertThat(faults.commitAttempts()).isEqualTo(2);
        ExpectedOutput.assertMatches("docs/03-transfers-2-executor.md", "executor-retry-echo",
                String.join("\n", echoed));
    }

    @Test
    void aFailureBeforeCommitShowsTheRollback() {
        Account account = new Account(UUID.randomUUID(), 100);

        List<String> echoed;
        try (EchoCapture echo = EchoCapture.start()) {
            assertThatThrownBy(() -> retry.useTransaction(session -> {
                session.getMapper(AccountMapper.class).insert(account);
                throw new IllegalStateException("changed my mind");
            })).isInstanceOf(IllegalStateException.class);
            echoed = echo.lines();
        }

        assertThat(echoed).containsExactly(
                begin,
                "SQL ==>  Preparing: INSERT INTO accounts (id, balance) VALUES (?, ?)",
                "SQL ==> Parameters: " + account.id() + "(UUID), 100(Long)",
                "SQL <==    Updates: 1",
                "SQL ROLLBACK",
                "SQL -- gave up after 1 attempt: IllegalStateException");
    }

    @Test
    void aStatementTheServerRefusesShowsItsSqlStateThenTheRollback() {
        Account account = new Account(UUID.randomUUID(), -1); // the CHECK (balance >= 0) refuses it

        List<String> echoed;
        try (EchoCapture echo = EchoCapture.start()) {
            assertThatThrownBy(() -> retry.useTransaction(
                    session -> session.getMapper(AccountMapper.class).insert(account)));
            echoed = echo.lines();
        }

        assertThat(echoed).hasSize(6);
        assertThat(echoed.get(3)).startsWith("SQL <==      Error: SQLSTATE 23514: ");
        assertThat(echoed.subList(4, 6)).containsExactly("SQL ROLLBACK", "SQL -- gave up after 1 attempt:"
                + " PersistenceException");
    }

    @Test
    void beginShowsTheIsolationAndAccessModeTheTransactionAsksFor() {
        List<String> echoed;
        try (EchoCapture echo = EchoCapture.start()) {
            retry.useTransaction(session -> {
                try {
                    Connection connection = session.getConnection();
                    connection.setReadOnly(true);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                session.getMapper(AccountMapper.class).count();
            });
            echoed = echo.lines();
        }

        assertThat(echoed).containsExactly(
                "SQL BEGIN (READ COMMITTED, READ ONLY)",
                "SQL SET TRANSACTION ISOLATION LEVEL READ COMMITTED",
                "SQL ==>  Preparing: SELECT count(*) FROM accounts",
                "SQL ==> Parameters:",
                "SQL <==      Total: 1",
                "SQL COMMIT");
    }

    @Test
    void savepointsShowWhereTheyAreSetRolledBackToAndReleased() {
        Account kept = new Account(UUID.randomUUID(), 1);
        Account undone = new Account(UUID.randomUUID(), 2);

        List<String> echoed;
        try (EchoCapture echo = EchoCapture.start()) {
            retry.useTransaction(session -> {
                AccountMapper accounts = session.getMapper(AccountMapper.class);
                try {
                    Connection connection = session.getConnection();
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SAVEPOINT before_insert"); // as the CockroachDB protocol sends it
                    }
                    accounts.insert(kept);
                    Savepoint savepoint = connection.setSavepoint("second_insert"); // through the JDBC API
                    accounts.insert(undone);
                    connection.rollback(savepoint);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("RELEASE SAVEPOINT before_insert");
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            echoed = echo.lines();
        }

        assertThat(echoed).filteredOn(line -> !line.startsWith("SQL ==>") && !line.startsWith("SQL <=="))
                .containsExactly(
                        begin,
                        "SQL SAVEPOINT before_insert",
                        "SQL SAVEPOINT second_insert",
                        "SQL ROLLBACK TO SAVEPOINT second_insert",
                        "SQL RELEASE SAVEPOINT before_insert",
                        "SQL COMMIT");
        assertThat(echoed).filteredOn(line -> line.startsWith("SQL ==>  Preparing: INSERT")).hasSize(2);
    }

    @Test
    void echoSendsNothingOfItsOwnToTheServer() throws SQLException {
        CallsToThePool pool = new CallsToThePool(database.dataSource());
        RetryExecutor watched = RetryExecutor.withDefaults(MyBatisFactory.build(pool.dataSource()));

        pool.clear();
        try (EchoCapture echo = EchoCapture.start()) {
            watched.useTransaction(session -> session.getMapper(AccountMapper.class)
                    .insert(new Account(UUID.randomUUID(), 100)));
            assertThat(echo.lines()).contains("SQL COMMIT");
        }
        List<String> withEcho = pool.serverCalls();
        pool.clear();
        watched.useTransaction(session -> session.getMapper(AccountMapper.class)
                .insert(new Account(UUID.randomUUID(), 100)));
        List<String> withoutEcho = pool.serverCalls();

        assertThat(withEcho).isNotEmpty().isEqualTo(withoutEcho);
    }

    /** What BEGIN shows by default: the server's default_transaction_isolation. */
    private String defaultIsolation() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW default_transaction_isolation")) {
            rs.next();
            String level = rs.getString(1).toUpperCase(Locale.ROOT);
            connection.commit();
            return level;
        }
    }
}
