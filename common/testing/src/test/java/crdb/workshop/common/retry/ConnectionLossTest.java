package crdb.workshop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.zaxxer.hikari.HikariDataSource;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.mapper.LedgerMapper;
import crdb.workshop.common.testing.DatabaseTest;
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
 * The server ends the session (pg_terminate_backend, from another connection): in the middle of
 * the transaction, where a retry is safe, and while COMMIT is in flight, where the outcome is
 * unknown. Each unit deposits 100 and writes a ledger row, and reports the backend pid it ran on.
 */
@DatabaseTest
@Timeout(90)
class ConnectionLossTest {

    private final Database database;
    private final SqlSessionFactory sessions;
    private final RecordingListener listener = new RecordingListener();
    private final List<Integer> pids = new CopyOnWriteArrayList<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private UUID account;

    ConnectionLossTest(Database database) {
        this.database = database;
        this.sessions = database.sessionFactory();
    }

    @BeforeAll
    static void installGate(Database database) throws SQLException {
        assumeFalse(database.isCockroachDb(), "Sessions are ended here with PostgreSQL's pg_terminate_backend and"
                + " watched through pg_locks; CockroachDB has CANCEL SESSION and its own system tables instead.");
        CommitGate.install(database);
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
        return session -> {
            int pid = backendPid(session.getConnection());
            pids.add(pid);
            if (killFirstAttempt && pids.size() == 1) {
                terminate(pid);
            }
            if (session.getMapper(LedgerMapper.class).insertIfAbsent(entry, account, 100) == 0) {
                return 0; // applied by an earlier attempt whose COMMIT went through after all
            }
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            accounts.updateBalance(account, accounts.findById(account).balance() + 100);
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
        int killed = pids.get(0);

        // Borrow every connection the pool has, at once: none is the dead one, and all of them work.
        int total = ((HikariDataSource) database.dataSource()).getHikariPoolMXBean().getTotalConnections();
        List<Connection> borrowed = new ArrayList<>();
        try {
            for (int i = 0; i < total; i++) {
                Connection connection = database.dataSource().getConnection();
                borrowed.add(connection);
                assertThat(backendPid(connection)).isNotEqualTo(killed);
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
    }

    @Test
    void aConnectionLostDuringCommitIsReportedAsAmbiguous() throws Exception {
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

    private static int backendPid(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends backend {@code pid} from another pooled connection and waits until it is gone. */
    private void terminate(int pid) {
        try (Connection killer = database.dataSource().getConnection();
             PreparedStatement statement = killer.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
            statement.setInt(1, pid);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("backend %d terminated", pid).isTrue();
            }
            killer.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
