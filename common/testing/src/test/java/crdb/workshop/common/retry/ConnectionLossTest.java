package crdb.workshop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.zaxxer.hikari.HikariDataSource;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.mapper.LedgerMapper;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.SessionKiller;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server ends the session, from another connection (pg_terminate_backend on PostgreSQL,
 * CANCEL SESSION on CockroachDB): in the middle of the transaction, where a retry is safe, and at
 * COMMIT, where the outcome is unknown. Each unit deposits 100 and writes a ledger row, and
 * reports the session it ran on (PostgreSQL's backend pid, CockroachDB's session id).
 */
@DatabaseTest
@Timeout(90)
class ConnectionLossTest {

    private final Database database;
    private final SqlSessionFactory sessions;
    private final RecordingListener listener = new RecordingListener();
    private final List<String> pids = new CopyOnWriteArrayList<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private UUID account;

    ConnectionLossTest(Database database) {
        this.database = database;
        this.sessions = database.sessionFactory();
    }

    @BeforeAll
    static void installLedger(Database database) throws SQLException {
        if (database.isCockroachDb()) {
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE ledger"
                        + " (entry_id UUID PRIMARY KEY, account_id UUID NOT NULL, amount INT8 NOT NULL)");
                connection.commit();
            }
        } else {
            CommitGate.install(database);
        }
    }

    private void needsTheCommitGate() {
        assumeFalse(database.isCockroachDb(), "The gate holds COMMIT with a deferred trigger that waits on an advisory"
                + " lock; CockroachDB has neither. There the two tests ending the session just before COMMIT run.");
    }

    @BeforeEach
    void openAccount() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM ledger");
            statement.execute("DELETE FROM accounts");
            connection.commit();
        }
        account = Accounts.open(sessions, 1000);
    }

    @AfterEach
    void stopWorker() {
        worker.shutdownNow();
    }

    private RetryExecutor retry() {
        return RetryExecutor.builder(sessions)
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(5))
                .listener(listener)
                .build();
    }

    private TransactionCallback<Integer> deposit(UUID entry, boolean killFirstAttempt) {
        return deposit(entry, killFirstAttempt, false);
    }

    /** Ends the first attempt's session in the middle of its work, or after all of it, just before COMMIT. */
    private TransactionCallback<Integer> deposit(UUID entry, boolean killMidway, boolean killBeforeCommit) {
        return session -> {
            String pid = sessionId(session.getConnection());
            pids.add(pid);
            boolean first = pids.size() == 1;
            if (killMidway && first) {
                terminate(pid);
            }
            if (session.getMapper(LedgerMapper.class).insertIfAbsent(entry, account, 100) == 0) {
                return 0; // applied by an earlier attempt whose COMMIT went through after all
            }
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            accounts.updateBalance(account, accounts.findById(account).balance() + 100);
            if (killBeforeCommit && first) {
                terminate(pid);
            }
            return 1;
        };
    }

    @Test
    void aSessionEndedMidTransactionIsRetriedOnAFreshConnection() {
        int applied = retry().inTransaction(deposit(UUID.randomUUID(), true));

        assertThat(applied).isEqualTo(1);
        assertThat(pids).hasSize(2);
        assertThat(pids.get(1)).as("the retry's backend").isNotEqualTo(pids.get(0));
        assertThat(listener.retriedStates).singleElement()
                .satisfies(state -> assertThat(FailureClassifier.isConnectionError(state)).isTrue());
        assertThat(Accounts.balance(sessions, account)).isEqualTo(1100);
        assertThat(ledgerRows()).isEqualTo(1);
    }

    @Test
    void thePoolDropsTheConnectionWhoseSessionWasEnded() throws SQLException {
        retry().inTransaction(deposit(UUID.randomUUID(), true));
        String killed = pids.get(0);

        // Borrow every connection the pool has, at once: none is the dead one, and all of them work.
        int total = ((HikariDataSource) database.dataSource()).getHikariPoolMXBean().getTotalConnections();
        List<Connection> borrowed = new ArrayList<>();
        try {
            for (int i = 0; i < total; i++) {
                Connection connection = database.dataSource().getConnection();
                borrowed.add(connection);
                assertThat(sessionId(connection)).isNotEqualTo(killed);
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
    }

    @Test
    void aSessionEndedJustBeforeCommitIsReportedAsAmbiguous() {
        Throwable thrown = catchThrowable(() -> retry().inTransaction(deposit(UUID.randomUUID(), false, true)));

        // The COMMIT met a dead connection: the client cannot know whether it arrived, so it must not retry.
        assertThat(thrown).isInstanceOf(AmbiguousCommitException.class);
        assertThat(FailureClassifier.isConnectionError(FailureClassifier.sqlState(thrown.getCause()))).isTrue();
        assertThat(listener.started).hasValue(1);
        assertThat(Accounts.balance(sessions, account)).isEqualTo(1000);
        assertThat(ledgerRows()).isZero();
    }

    @Test
    void aSessionEndedJustBeforeCommitOfIdempotentWorkIsRetriedAndAppliedOnce() {
        int applied = retry().inIdempotentTransaction(deposit(UUID.randomUUID(), false, true));

        assertThat(applied).isEqualTo(1);
        assertThat(pids).hasSize(2).doesNotHaveDuplicates();
        assertThat(listener.retriedStates).singleElement()
                .satisfies(state -> assertThat(FailureClassifier.isConnectionError(state)).isTrue());
        assertThat(Accounts.balance(sessions, account)).isEqualTo(1100);
        assertThat(ledgerRows()).isEqualTo(1);
    }

    @Test
    void aConnectionLostDuringCommitIsReportedAsAmbiguous() throws Exception {
        needsTheCommitGate();
        Future<Throwable> result;
        try (CommitGate gate = CommitGate.shut(database)) {
            result = worker.submit(() -> catchThrowable(() -> retry().inTransaction(deposit(UUID.randomUUID(), false))));
            gate.terminate(gate.awaitWaiter());
        }
        Throwable thrown = result.get(60, TimeUnit.SECONDS);

        assertThat(thrown).isInstanceOf(AmbiguousCommitException.class);
        assertThat(FailureClassifier.isConnectionError(FailureClassifier.sqlState(thrown.getCause()))).isTrue();
        assertThat(listener.started).hasValue(1);
        // The session died before its COMMIT finished, so nothing was applied; only the server knew that.
        assertThat(Accounts.balance(sessions, account)).isEqualTo(1000);
        assertThat(ledgerRows()).isZero();
    }

    @Test
    void aConnectionLostDuringCommitOfIdempotentWorkIsRetriedAndAppliedOnce() throws Exception {
        needsTheCommitGate();
        Future<Integer> result;
        try (CommitGate gate = CommitGate.shut(database)) {
            result = worker.submit(() -> retry().inIdempotentTransaction(deposit(UUID.randomUUID(), false)));
            gate.terminate(gate.awaitWaiter());
        }

        assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(pids).hasSize(2).doesNotHaveDuplicates();
        assertThat(listener.retriedStates).singleElement()
                .satisfies(state -> assertThat(FailureClassifier.isConnectionError(state)).isTrue());
        assertThat(Accounts.balance(sessions, account)).isEqualTo(1100);
        assertThat(ledgerRows()).isEqualTo(1);
    }

    private long ledgerRows() {
        try (var session = sessions.openSession()) {
            return session.getMapper(LedgerMapper.class).count();
        }
    }

    private String sessionId(Connection connection) {
        return database.isCockroachDb() ? SessionKiller.cockroachSessionId(connection) : backendPid(connection);
    }

    private static String backendPid(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends session {@code pid} from another pooled connection and waits until it is gone. */
    private void terminate(String pid) {
        if (database.isCockroachDb()) {
            SessionKiller.cancelCockroachSession(database, pid);
            return;
        }
        try (Connection killer = database.dataSource().getConnection();
             PreparedStatement statement = killer.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
            statement.setInt(1, Integer.parseInt(pid));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("backend %s terminated", pid).isTrue();
            }
            killer.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
