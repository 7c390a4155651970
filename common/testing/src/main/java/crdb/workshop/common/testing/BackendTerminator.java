package crdb.workshop.common.testing;

import crdb.workshop.common.db.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kills a lesson's connections while it runs: at random moments, {@code pg_terminate_backend} on
 * every other session of the test database, as an administrator or a restarting node would. The
 * lesson sees SQLSTATE 57P01 or a broken connection wherever it happens to be: in a statement,
 * between statements, idle in the pool, or waiting for COMMIT's answer.
 *
 * <p>PostgreSQL's function: skip tests that use it on CockroachDB, whose counterpart is
 * {@code CANCEL SESSION}.
 */
public final class BackendTerminator implements AutoCloseable {

    private final Thread thread;
    private final AtomicInteger terminations = new AtomicInteger();
    private volatile boolean stopped;
    private volatile SQLException failure;

    private BackendTerminator(Database database, int times, int maxPauseMillis) {
        this.thread = new Thread(() -> run(database, times, maxPauseMillis), "backend-terminator");
        this.thread.setDaemon(true);
    }

    /**
     * Starts terminating: {@code times} times, each after a random pause of up to {@code
     * maxPauseMillis}; a round that finds no session to terminate does not count.
     */
    public static BackendTerminator start(Database database, int times, int maxPauseMillis) {
        if (database.isCockroachDb()) {
            throw new IllegalStateException("pg_terminate_backend is PostgreSQL's; skip this test on CockroachDB");
        }
        BackendTerminator terminator = new BackendTerminator(database, times, maxPauseMillis);
        terminator.thread.start();
        return terminator;
    }

    /** How many rounds terminated at least one session. */
    public int terminations() throws SQLException {
        if (failure != null) {
            throw failure;
        }
        return terminations.get();
    }

    private void run(Database database, int times, int maxPauseMillis) {
        try (Connection own = DriverManager.getConnection(database.settings().jdbcUrl(),
                database.settings().properties()); Statement statement = own.createStatement()) {
            own.setAutoCommit(true);
            while (!stopped && terminations.get() < times) {
                Thread.sleep(1 + ThreadLocalRandom.current().nextInt(maxPauseMillis));
                // The pids first, then the kills: in one query the planner may call
                // pg_terminate_backend before the filter that spares our own session.
                List<Integer> pids = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT pid FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                        + " AND backend_type = 'client backend'")) {
                    while (rs.next()) {
                        pids.add(rs.getInt(1));
                    }
                }
                boolean any = false;
                for (int pid : pids) {
                    try (ResultSet rs = statement.executeQuery("SELECT pg_terminate_backend(" + pid + ")")) {
                        any |= rs.next() && rs.getBoolean(1);
                    }
                }
                if (any) {
                    terminations.incrementAndGet();
                }
            }
        } catch (SQLException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops terminating and waits for the thread. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(60_000);
    }
}
