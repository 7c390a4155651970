package crdb.workshop.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import java.sql.Connection;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Why SelectForUpdateTransfer runs READ COMMITTED on PostgreSQL: there, a SERIALIZABLE
 * transaction that waited for a row lock is aborted with 40001 when the holder commits a change
 * to that row (its snapshot is older than the change); under READ COMMITTED it reads the new row
 * and carries on. CockroachDB lets a SERIALIZABLE waiter carry on, as its SELECT FOR UPDATE docs
 * describe; this shows the PostgreSQL side.
 */
@DatabaseTest
@Timeout(60)
class LockWaitTest {

    private final Database database;
    private final Bank bank;
    private final ExecutorService waiterThread = Executors.newSingleThreadExecutor();
    private UUID account;

    LockWaitTest(Database database) {
        this.database = database;
        this.bank = new Bank(database);
    }

    @BeforeAll
    static void onlyOnPostgresql(Database database) {
        assumeFalse(database.isCockroachDb(), "This shows PostgreSQL's lock waits (watched in pg_stat_activity);"
                + " CockroachDB lets a SERIALIZABLE lock waiter carry on instead.");
    }

    @BeforeEach
    void openAccount() throws SQLException {
        bank.empty();
        account = bank.open(1000);
    }

    @AfterEach
    void stopWaiter() {
        waiterThread.shutdownNow();
    }

    @Test
    void underSerializableAWaiterIsAbortedWhenTheLockHolderCommits() throws Exception {
        Object outcome = waitBehindAHolderThatAddsAHundred("SERIALIZABLE");

        assertThat(outcome).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("40001"));
    }

    @Test
    void underReadCommittedTheWaiterReadsTheNewBalance() throws Exception {
        Object outcome = waitBehindAHolderThatAddsAHundred("READ COMMITTED");

        assertThat(outcome).isEqualTo(1100L);
    }

    /**
     * The holder locks the account and adds $100; the waiter, at {@code isolation}, asks for the
     * same lock and waits; the holder commits. Returns the balance the waiter read, or its error.
     */
    private Object waitBehindAHolderThatAddsAHundred(String isolation) throws Exception {
        try (Connection holder = database.dataSource().getConnection();
             Connection waiter = database.dataSource().getConnection()) {
            int waiterPid = backendPid(waiter);
            lockAndRead(holder);
            try (PreparedStatement add = holder.prepareStatement(
                    "UPDATE accounts SET balance = balance + 100 WHERE id = ?")) {
                add.setObject(1, account);
                add.executeUpdate();
            }
            Future<Object> outcome = waiterThread.submit(() -> {
                try (Statement statement = waiter.createStatement()) {
                    statement.execute("SET TRANSACTION ISOLATION LEVEL " + isolation);
                    return lockAndRead(waiter);
                } catch (SQLException e) {
                    return e;
                } finally {
                    waiter.rollback();
                }
            });
            awaitLockWait(waiterPid);
            holder.commit();
            return outcome.get(30, TimeUnit.SECONDS);
        }
    }

    private long lockAndRead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT balance FROM accounts WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, account);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            int pid = rs.getInt(1);
            connection.commit(); // so that the next statement starts a new transaction
            return pid;
        }
    }

    /** Waits (up to 10 s) until backend {@code pid} is waiting for a lock. */
    private void awaitLockWait(int pid) throws SQLException, InterruptedException {
        try (Connection watcher = database.dataSource().getConnection();
             PreparedStatement waiting = watcher.prepareStatement(
                     "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = ?")) {
            waiting.setInt(1, pid);
            for (int i = 0; i < 200; i++) {
                try (ResultSet rs = waiting.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        watcher.commit();
                        return;
                    }
                }
                watcher.commit(); // pg_stat_activity is a snapshot per transaction
                Thread.sleep(50);
            }
        }
        throw new AssertionError("backend " + pid + " never waited for the lock");
    }
}
