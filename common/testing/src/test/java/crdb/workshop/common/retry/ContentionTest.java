package crdb.workshop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.mapper.TransferLogMapper;
import crdb.workshop.common.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real contention, no injected faults: threads moving money between two hot accounts, so the
 * database itself aborts transactions with 40001 and the executor must retry them.
 */
@DatabaseTest
@Timeout(120)
class ContentionTest {

    private static final int THREADS = 6;
    private static final int TRANSFERS_PER_THREAD = 25;
    private static final long OPENING_BALANCE = 500;

    private final Database database;
    private final SqlSessionFactory sessions;
    private final RecordingListener listener = new RecordingListener();
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    private UUID first;
    private UUID second;

    ContentionTest(Database database) {
        this.database = database;
        this.sessions = database.sessionFactory();
    }

    @BeforeAll
    static void createLog(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS transfer_log (id UUID PRIMARY KEY DEFAULT gen_random_uuid(),"
                    + " transfer_id UUID NOT NULL, from_id UUID NOT NULL, to_id UUID NOT NULL, amount INT8 NOT NULL)");
            connection.commit();
        }
    }

    @BeforeEach
    void openHotAccounts() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM transfer_log");
            statement.execute("DELETE FROM accounts");
            connection.commit();
        }
        first = Accounts.open(sessions, OPENING_BALANCE);
        second = Accounts.open(sessions, OPENING_BALANCE);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /**
     * Reads both balances, refuses an overdraft, writes both rows in id order (so that two
     * transfers never wait for each other in a cycle) and logs the transfer in the same transaction.
     */
    private static void transfer(SqlSession session, UUID transferId, UUID from, UUID to, long amount) {
        AccountMapper accounts = session.getMapper(AccountMapper.class);
        Account source = accounts.findById(from);
        Account target = accounts.findById(to);
        if (source.balance() < amount) {
            throw new WorkshopException("insufficient funds");
        }
        Account debited = new Account(from, source.balance() - amount);
        Account credited = new Account(to, target.balance() + amount);
        for (Account account : from.compareTo(to) < 0 ? List.of(debited, credited) : List.of(credited, debited)) {
            accounts.updateBalance(account.id(), account.balance());
        }
        session.getMapper(TransferLogMapper.class).insert(transferId, from, to, amount);
    }

    @Test
    void hotAccountTransfersEachCommitExactlyOnceAndKeepTheTotal() throws Exception {
        RetryExecutor retry = RetryExecutor.builder(sessions)
                .maxAttempts(100)
                .initialBackoff(Duration.ofMillis(2))
                .maxBackoff(Duration.ofMillis(50))
                .deadline(Duration.ofSeconds(30))
                .listener(listener)
                .build();
        Set<UUID> committed = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(threads.submit(() -> {
                start.await();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                    UUID transferId = UUID.randomUUID();
                    boolean forward = random.nextBoolean();
                    UUID from = forward ? first : second;
                    UUID to = forward ? second : first;
                    long amount = random.nextLong(1, 101);
                    try {
                        retry.useTransaction(session -> transfer(session, transferId, from, to, amount));
                        committed.add(transferId);
                    } catch (WorkshopException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(100, TimeUnit.SECONDS); // rethrows anything but a refused overdraft
        }

        long serializationRetries = listener.retriedStates.stream().filter("40001"::equals).count();
        System.out.printf("ContentionTest: %d transfers committed, %d refused, %d retries after a real 40001%n",
                committed.size(), refused.get(), serializationRetries);
        assertThat(serializationRetries).as("retries after a real 40001").isPositive();
        assertThat(committed.size() + refused.get()).isEqualTo(THREADS * TRANSFERS_PER_THREAD);
        assertThat(listener.succeededAfter).hasSize(committed.size());
        try (SqlSession session = sessions.openSession()) {
            TransferLogMapper log = session.getMapper(TransferLogMapper.class);
            List<UUID> logged = log.transferIds();
            assertThat(logged).doesNotHaveDuplicates().hasSameElementsAs(committed);
            long firstBalance = Accounts.balance(sessions, first);
            long secondBalance = Accounts.balance(sessions, second);
            assertThat(firstBalance + secondBalance).isEqualTo(2 * OPENING_BALANCE);
            assertThat(firstBalance).isNotNegative().isEqualTo(OPENING_BALANCE + log.netFlow(first));
            assertThat(secondBalance).isNotNegative().isEqualTo(OPENING_BALANCE + log.netFlow(second));
        }
    }

    @Test
    void aDeadlockVictimIsRetriedAndBothTransfersApplyOnce() throws Exception {
        assumeFalse(database.isCockroachDb(), "40P01 is PostgreSQL's deadlock code; CockroachDB breaks deadlocks"
                + " with a 40001, which the hot-account test already covers.");
        RetryExecutor retry = RetryExecutor.builder(sessions)
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(5))
                .listener(listener)
                .build();
        CyclicBarrier bothHoldTheirFirstRow = new CyclicBarrier(2);

        Future<?> forward = threads.submit(() -> lockInOrder(retry, bothHoldTheirFirstRow, first, second, 10));
        Future<?> backward = threads.submit(() -> lockInOrder(retry, bothHoldTheirFirstRow, second, first, 20));
        forward.get(60, TimeUnit.SECONDS);
        backward.get(60, TimeUnit.SECONDS);

        assertThat(listener.retriedStates).contains("40P01");
        assertThat(Accounts.balance(sessions, first)).isEqualTo(OPENING_BALANCE - 10 + 20);
        assertThat(Accounts.balance(sessions, second)).isEqualTo(OPENING_BALANCE + 10 - 20);
        try (SqlSession session = sessions.openSession()) {
            assertThat(session.getMapper(TransferLogMapper.class).transferIds()).hasSize(2);
        }
    }

    /** Debits {@code from}, waits (first attempt only) until the other thread holds its row too, credits {@code to}. */
    private Void lockInOrder(RetryExecutor retry, CyclicBarrier barrier, UUID from, UUID to, long amount) {
        AtomicInteger attempts = new AtomicInteger(); // test instrumentation, not application state
        UUID transferId = UUID.randomUUID();
        retry.useTransaction(session -> {
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            accounts.updateBalance(from, accounts.findById(from).balance() - amount);
            if (attempts.incrementAndGet() == 1) {
                try {
                    barrier.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other transfer never took its first row", e);
                }
            }
            accounts.updateBalance(to, accounts.findById(to).balance() + amount);
            session.getMapper(TransferLogMapper.class).insert(transferId, from, to, amount);
        });
        return null;
    }
}
