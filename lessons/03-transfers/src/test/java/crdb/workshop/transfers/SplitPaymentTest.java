package crdb.workshop.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.Exercise;
import crdb.workshop.common.testing.Exercises;
import crdb.workshop.common.testing.Todo;
import crdb.workshop.transfers.exercise.SplitPayment;
import crdb.workshop.transfers.exercise.SplitPaymentExercise;
import crdb.workshop.transfers.solution.SplitPaymentSolution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exercise 03, part C: {@link SplitPaymentExercise}, TODO-08 to TODO-10 (parts A and B are in
 * {@link RetryLoopTest}). One payer pays three payees in one transaction: lock all four accounts
 * in id order, refuse what cannot be paid before writing anything, then move the money.
 * Run against your code: ./mvnw -q -pl lessons/03-transfers -am test-compile exec:java@exercises
 *
 * <p>How the lock order is checked: another connection holds one of the four accounts, so your
 * payment waits for it; meanwhile the test tries each of the other accounts with {@code FOR UPDATE
 * NOWAIT}. Those before the held one (in id order) must be locked already, those after it not yet.
 */
@Exercise
@DatabaseTest
@Timeout(90)
class SplitPaymentTest {

    private final SplitPayment payment = Exercises.pick(SplitPaymentSolution::new, SplitPaymentExercise::new);
    private final Database database;
    private final Bank bank;
    private final RetryExecutor retry;
    private final ExecutorService paymentThread = Executors.newSingleThreadExecutor();
    private UUID payer;
    private List<UUID> payees;

    SplitPaymentTest(Database database) {
        this.database = database;
        this.bank = new Bank(database);
        this.retry = RetryExecutor.withDefaults(database.sessionFactory());
    }

    @BeforeAll
    static void onlyOnPostgresql(Database database) {
        assumeFalse(database.isCockroachDb(), "The lock-order test watches lock waits in PostgreSQL's"
                + " pg_stat_activity: run the exercise on the embedded database (unset DATABASE_URL).");
    }

    /**
     * Four accounts whose ids make every wrong order visible. In id order (as the database sorts
     * UUIDs): payee 0, payee 1, payee 2, payer. So locking the payer first, or the payees in the
     * order the shares list them (2, 1, 0), breaks the order; and payees 2 and the payer begin with
     * a set top bit, so UUID.compareTo (signed) puts them first, against the database's order.
     */
    @BeforeEach
    void openAccounts() throws SQLException {
        bank.empty();
        payees = List.of(open("10000000-0000-4000-8000-000000000000", 100),
                open("20000000-0000-4000-8000-000000000000", 100),
                open("90000000-0000-4000-8000-000000000000", 100));
        payer = open("f0000000-0000-4000-8000-000000000000", 1000);
    }

    private UUID open(String id, long balance) {
        try (SqlSession session = database.sessionFactory().openSession()) {
            session.getMapper(AccountMapper.class).insert(new Account(UUID.fromString(id), balance));
            session.commit();
        }
        return UUID.fromString(id);
    }

    @AfterEach
    void stopPaymentThread() {
        paymentThread.shutdownNow();
    }

    private Map<UUID, Long> shares(UUID... payees) {
        Map<UUID, Long> shares = new LinkedHashMap<>();
        long amount = 50;
        for (UUID payee : payees) {
            shares.put(payee, amount);
            amount += 10;
        }
        return shares;
    }

    private void pay(UUID from, Map<UUID, Long> shares) {
        retry.useTransaction(session -> payment.pay(session, from, shares));
    }

    @Test
    @Todo(10)
    void aPaymentMovesEveryShareAndKeepsTheTotal() {
        pay(payer, shares(payees.get(2), payees.get(1), payees.get(0)));

        assertThat(bank.balances(payer, payees.get(2), payees.get(1), payees.get(0)))
                .as("balances of the payer ($1000) and of three payees ($100 each) after shares of $50, $60, $70:"
                        + " the sum from the payer, each share to its payee").containsExactly(820L, 150L, 160L, 170L);
    }

    @Test
    @Todo(9)
    void anUnknownPayeeIsRefusedAndNothingWritten() throws SQLException {
        UUID nobody = UUID.randomUUID();

        assertThat(catchThrowable(() -> pay(payer, shares(payees.get(0), nobody, payees.get(1)))))
                .as("paying an account that does not exist: a WorkshopException with the message in SplitPayment's Javadoc")
                .isInstanceOf(WorkshopException.class)
                .hasMessage("No account " + nobody + ": check the id.");

        assertThat(bank.balances(payer, payees.get(0), payees.get(1))).as("balances after the refused payment: unchanged")
                .containsExactly(1000L, 100L, 100L);
        assertThat(bank.accounts()).as("no account created for the unknown id").isEqualTo(4);
    }

    @Test
    @Todo(9)
    void aPayerWhoCannotCoverTheSumIsRefusedAndNothingWritten() {
        UUID poor = bank.open(150); // enough for any one share (50, 60, 70), not for their sum

        assertThat(catchThrowable(() -> pay(poor, shares(payees.get(2), payees.get(1), payees.get(0)))))
                .as("a payer with $150 paying shares of $50, $60 and $70: each share is covered, their sum ($180) is"
                        + " not; a WorkshopException with the message in SplitPayment's Javadoc")
                .isInstanceOf(WorkshopException.class)
                .hasMessage("Insufficient funds in account " + poor + ": balance $150, payment $180.");

        assertThat(bank.balances(poor, payees.get(0), payees.get(1), payees.get(2)))
                .as("balances after the refused payment: unchanged").containsExactly(150L, 100L, 100L, 100L);
    }

    /** @param held where the account held by another transaction comes in id order (0 is the first) */
    @Todo(8)
    @ParameterizedTest(name = "the account held is number {0} in id order, counting from 0")
    @ValueSource(ints = {1, 2, 3})
    void everyAccountIsLockedInIdOrder(int held) throws Exception {
        List<UUID> inIdOrder = Stream.concat(Stream.of(payer), payees.stream()).sorted(LockOrder.BY_ID).toList();
        Future<?> paying;
        try (Connection holder = database.dataSource().getConnection()) {
            assertThat(tryLock(holder, inIdOrder.get(held))).isTrue();
            paying = paymentThread.submit(() -> pay(payer, shares(payees.get(2), payees.get(1), payees.get(0))));
            awaitALockWait(paying);
            for (int i = 0; i < inIdOrder.size(); i++) {
                if (i != held) {
                    assertThat(lockedByThePayment(inIdOrder.get(i)))
                            .as("whether account %d (in id order: payee 0, payee 1, payee 2, payer) is locked while the"
                                    + " payment waits for account %d: sort every id with LockOrder.BY_ID, payer included,"
                                    + " then lock them one by one", i, held)
                            .isEqualTo(i < held);
                }
            }
            holder.rollback(); // lets the payment through
        }
        paying.get(30, TimeUnit.SECONDS);
        assertThat(bank.balance(payer)).as("the payer's balance once the payment went through").isEqualTo(820);
    }

    /** FOR UPDATE NOWAIT: locks the account and returns true, or returns false if another transaction holds it. */
    private boolean tryLock(Connection connection, UUID account) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id FROM accounts WHERE id = ? FOR UPDATE NOWAIT")) {
            lock.setObject(1, account);
            lock.executeQuery().close();
            return true;
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) { // lock_not_available
                connection.rollback();
                return false;
            }
            throw e;
        }
    }

    private boolean lockedByThePayment(UUID account) throws SQLException {
        try (Connection probe = database.dataSource().getConnection()) {
            boolean free = tryLock(probe, account);
            probe.rollback(); // let go at once, in case it was free
            return !free;
        }
    }

    /**
     * Waits (up to 30 s) until a session in this database waits for a lock: the payment, at the
     * held account. A payment that finishes first never waited, so it cannot have locked it.
     */
    private void awaitALockWait(Future<?> paying) throws SQLException, InterruptedException {
        try (Connection watcher = database.dataSource().getConnection();
             PreparedStatement waiting = watcher.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            for (int i = 0; i < 600 && !paying.isDone(); i++) {
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        watcher.commit();
                        return;
                    }
                }
                watcher.commit(); // pg_stat_activity is read once per transaction
                Thread.sleep(50);
            }
        }
        throw new AssertionError("The payment never waited for the account another transaction holds: it did not"
                + " lock the accounts (TransferMapper.lockAccount) before paying");
    }
}
