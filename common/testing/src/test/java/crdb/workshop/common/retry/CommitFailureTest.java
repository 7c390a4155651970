package crdb.workshop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.mapper.LedgerMapper;
import crdb.workshop.common.testing.CommitFaults;
import crdb.workshop.common.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Failures at COMMIT, injected on the real server by {@link CommitFaults} (a trigger on PostgreSQL,
 * {@code inject_retry_errors_on_commit_enabled} on CockroachDB): each unit of work
 * deposits 100 into an account and writes one ledger row, so the balance and the ledger show how
 * many times it was applied, and the trigger's sequence shows how many times COMMIT was tried.
 */
@DatabaseTest
@Timeout(60)
class CommitFailureTest {

    private static CommitFaults faults;

    private final Database database;
    private final SqlSessionFactory sessions;
    private final RecordingListener listener = new RecordingListener();
    private UUID account;

    CommitFailureTest(Database database) {
        this.database = database;
        this.sessions = database.sessionFactory();
    }

    @BeforeAll
    static void installFaults(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE ledger"
                    + " (entry_id UUID PRIMARY KEY, account_id UUID NOT NULL, amount INT8 NOT NULL)");
            connection.commit();
        }
        faults = CommitFaults.install(database, "ledger");
    }

    @BeforeEach
    void openAccount() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM ledger");
            statement.execute("DELETE FROM accounts");
            connection.commit();
        }
        faults.failNextCommits("40001", 0);
        account = Accounts.open(sessions, 1000);
    }

    private RetryExecutor.Builder fastRetries() {
        return RetryExecutor.builder(sessions)
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(5))
                .listener(listener);
    }

    /** Deposits {@code amount}: read, add, write, and one ledger row; the trigger fires at COMMIT. */
    private TransactionCallback<Integer> deposit(UUID entry, long amount) {
        return session -> {
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            accounts.updateBalance(account, accounts.findById(account).balance() + amount);
            return session.getMapper(LedgerMapper.class).insert(entry, account, amount);
        };
    }

    /** The same deposit, made idempotent: a second run finds its ledger row and changes nothing. */
    private TransactionCallback<Integer> idempotentDeposit(UUID entry, long amount) {
        return session -> {
            if (session.getMapper(LedgerMapper.class).insertIfAbsent(entry, account, amount) == 0) {
                return 0;
            }
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            accounts.updateBalance(account, accounts.findById(account).balance() + amount);
            return 1;
        };
    }

    private long ledgerRows() {
        try (var session = sessions.openSession()) {
            return session.getMapper(LedgerMapper.class).count();
        }
    }

    // tag::retried-at-commit[]
    @Test
    void serializationFailureAtCommitIsRetriedAndTheWorkAppliedOnce() throws SQLException {
        faults.failNextCommits("40001", 3);

        int inserted = fastRetries().build().inTransaction(deposit(UUID.randomUUID(), 100));

        assertThat(inserted).isEqualTo(1);
        assertThat(faults.commitAttempts()).isEqualTo(4);
        assertThat(listener.retriedStates).containsExactly("40001", "40001", "40001");
        assertThat(listener.succeededAfter).containsExactly(4);
        assertThat(Accounts.balance(sessions, account)).isEqualTo(1100);
        assertThat(ledgerRows()).isEqualTo(1);
    }
    // end::retried-at-commit[]

    @Test
    void ambiguousCommitIsReportedNotRetriedForOrdinaryWork() throws SQLException {
        faults.failNextCommits("40003", 1);

        AmbiguousCommitException e = Expect.thrown(AmbiguousCommitException.class,
                () -> fastRetries().build().inTransaction(deposit(UUID.randomUUID(), 100)));

        assertThat(e).hasMessageContaining("40003").hasMessageContaining("inIdempotentTransaction");
        assertThat(FailureClassifier.sqlState(e.getCause())).isEqualTo("40003");
        assertThat(faults.commitAttempts()).isEqualTo(1);
        assertThat(listener.started).hasValue(1);
        assertThat(listener.gaveUp).containsExactly(e);
        // The server did roll back (the client could not know that): nothing was applied.
        assertThat(Accounts.balance(sessions, account)).isEqualTo(1000);
        assertThat(ledgerRows()).isZero();
    }

    @Test
    void ambiguousCommitOfIdempotentWorkIsRetriedAndAppliedOnce() throws SQLException {
        faults.failNextCommits("40003", 1);

        int applied = fastRetries().build().inIdempotentTransaction(idempotentDeposit(UUID.randomUUID(), 100));

        assertThat(applied).isEqualTo(1);
        assertThat(faults.commitAttempts()).isEqualTo(2);
        assertThat(listener.retriedStates).containsExactly("40003");
        assertThat(Accounts.balance(sessions, account)).isEqualTo(1100);
        assertThat(ledgerRows()).isEqualTo(1);
    }

    @Test
    void aDefiniteErrorAtCommitIsRethrownWithoutRetry() throws SQLException {
        faults.failNextCommits("23514", 1); // a deferred check failing at COMMIT: the server answered, and rolled back

        PersistenceException e = Expect.thrown(PersistenceException.class,
                () -> fastRetries().build().inTransaction(deposit(UUID.randomUUID(), 100)));

        assertThat(FailureClassifier.sqlState(e)).isEqualTo("23514");
        assertThat(faults.commitAttempts()).isEqualTo(1);
        assertThat(listener.retriedStates).isEmpty();
        assertThat(Accounts.balance(sessions, account)).isEqualTo(1000);
        assertThat(ledgerRows()).isZero();
    }

    @Test
    void exhaustedRetriesThrowTheAttemptCountWithEveryFailure() throws SQLException {
        faults.failNextCommits("40001", 100);

        RetriesExhaustedException e = Expect.thrown(RetriesExhaustedException.class,
                () -> fastRetries().maxAttempts(3).build().inTransaction(deposit(UUID.randomUUID(), 100)));

        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e).hasMessageContaining("3 attempts").hasMessageContaining("40001");
        assertThat(FailureClassifier.sqlState(e.getCause())).isEqualTo("40001");
        assertThat(e.getSuppressed()).hasSize(2)
                .allSatisfy(earlier -> assertThat(FailureClassifier.sqlState(earlier)).isEqualTo("40001"))
                .doesNotContain(e.getCause());
        assertThat(faults.commitAttempts()).isEqualTo(3);
        assertThat(listener.gaveUp).containsExactly(e);
        assertThat(Accounts.balance(sessions, account)).isEqualTo(1000);
        assertThat(ledgerRows()).isZero();
    }

    @Test
    void theDeadlineStopsRetriesBeforeItPasses() throws SQLException {
        faults.failNextCommits("40001", 1000);
        FakeTimer timer = new FakeTimer();
        Duration deadline = Duration.ofMillis(500);
        RetryExecutor retry = RetryExecutor.builder(sessions)
                .maxAttempts(1000)
                .initialBackoff(Duration.ofMillis(50))
                .maxBackoff(Duration.ofMillis(100))
                .deadline(deadline)
                .timer(timer)
                .listener(listener)
                .build();

        RetriesExhaustedException e = Expect.thrown(RetriesExhaustedException.class,
                () -> retry.inTransaction(deposit(UUID.randomUUID(), 100)));

        assertThat(e).hasMessageContaining("deadline");
        assertThat(e.attempts()).isBetween(2, 999);
        assertThat(faults.commitAttempts()).isEqualTo(e.attempts());
        // It never waited past the deadline, and gave up only when the next wait would have.
        assertThat(timer.slept()).isLessThanOrEqualTo(deadline);
        assertThat(timer.sleeps).hasSize(e.attempts() - 1);
        assertThat(Accounts.balance(sessions, account)).isEqualTo(1000);
    }

    @Test
    void anInterruptStopsRetryingAndStaysVisible() throws SQLException {
        faults.failNextCommits("40001", 100);
        RetryExecutor retry = fastRetries().maxAttempts(50).listener(new RecordingListener() {
            @Override
            public void retrying(int attempt, Duration delay, String sqlState, Throwable cause) {
                if (attempt == 2) {
                    Thread.currentThread().interrupt(); // as if another thread interrupted us here
                }
            }
        }).build();

        RetryInterruptedException e = Expect.thrown(RetryInterruptedException.class,
                () -> retry.inTransaction(deposit(UUID.randomUUID(), 100)));
        boolean flagRestored = Thread.interrupted(); // also clears it for the next test

        assertThat(flagRestored).isTrue();
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
        assertThat(e.getSuppressed()).hasSize(2);
        assertThat(faults.commitAttempts()).isEqualTo(2);
        assertThat(Accounts.balance(sessions, account)).isEqualTo(1000);
    }

    @Test
    void anInterruptDuringTheBackoffEndsTheWaitPromptly() throws Exception {
        faults.failNextCommits("40001", 100);
        CountDownLatch sleeping = new CountDownLatch(1);
        RetryTimer hourLongBackoff = new RetryTimer() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration ignored) throws InterruptedException {
                sleeping.countDown();
                Thread.sleep(Duration.ofHours(1).toMillis());
            }
        };
        RetryExecutor retry = fastRetries().timer(hourLongBackoff).build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagRestored = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                retry.inTransaction(deposit(UUID.randomUUID(), 100));
            } catch (Throwable t) {
                thrown.set(t);
            }
            flagRestored.set(Thread.currentThread().isInterrupted());
        });

        worker.start();
        assertThat(sleeping.await(30, TimeUnit.SECONDS)).as("the executor began its backoff").isTrue();
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(worker.isAlive()).as("still waiting after the interrupt").isFalse();
        assertThat(thrown.get()).isInstanceOf(RetryInterruptedException.class);
        assertThat(flagRestored.get()).isTrue();
        assertThat(faults.commitAttempts()).isEqualTo(1);
        assertThat(Accounts.balance(sessions, account)).isEqualTo(1000);
    }
}
