package crdb.workshop.benchmarks.transfers.baseline;

import crdb.workshop.common.SqlState;
import crdb.workshop.common.retry.RetriesExhaustedException;
import crdb.workshop.common.retry.RetryListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The RetryExecutor's rules for idempotent work, by hand, for the JDBC baseline: the same
 * decisions (retry 40001 and 40P01; connection errors before COMMIT; and, the work being
 * idempotent, a COMMIT without a definite answer), the same backoff (a random wait below
 * {@code min(maxBackoff, initialBackoff * 2^(retry-1))}), the same attempt limit, the same
 * listener calls. No MyBatis, no session guard, no proxies: that difference is what the
 * benchmark measures.
 */
public final class JdbcRetryLoop {

    /** One attempt's statements on a connection in a transaction; the loop commits. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final RetryListener listener;

    public JdbcRetryLoop(DataSource dataSource, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
            RetryListener listener) {
        this.dataSource = dataSource;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.listener = listener;
    }

    public <T> T run(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            listener.attemptStarted(attempt);
            boolean commitSent = false;
            Throwable failure;
            Connection connection = null;
            try {
                connection = dataSource.getConnection(); // autocommit is off in the pool
                T result = work.apply(connection);
                commitSent = true;
                connection.commit();
                listener.succeeded(attempt);
                return result;
            } catch (SQLException | RuntimeException e) {
                failure = e;
                rollbackQuietly(connection);
            } finally {
                closeQuietly(connection);
            }
            String state = sqlState(failure);
            if (!retryable(state, commitSent)) {
                listener.gaveUp(attempt, failure);
                throw unchecked(failure);
            }
            if (attempt == maxAttempts) {
                RetriesExhaustedException e = new RetriesExhaustedException("Gave up after " + attempt
                        + " attempts; the last failed with SQLSTATE " + state + ".", attempt, failure);
                listener.gaveUp(attempt, e);
                throw e;
            }
            Duration delay = delay(attempt);
            listener.retrying(attempt, delay, state, failure);
            sleep(delay);
        }
    }

    /** FailureClassifier's table, for idempotent work (an unknown COMMIT outcome is retried). */
    private static boolean retryable(String state, boolean commitSent) {
        if (state != null && (state.equals("40001") || state.equals("40P01"))) {
            return true;
        }
        if (!commitSent) {
            return state != null && isConnectionError(state);
        }
        return state == null || state.equals("08003") || state.equals("40003") || isConnectionError(state);
    }

    private static boolean isConnectionError(String state) {
        return state.startsWith("08") || state.equals("57P01");
    }

    private Duration delay(int retry) {
        double ceiling = Math.min(maxBackoff.toNanos(), initialBackoff.toNanos() * Math.pow(2, retry - 1));
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong((long) ceiling + 1));
    }

    private static String sqlState(Throwable failure) {
        return SqlState.of(failure);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            return e; // a refusal, as the strategy threw it
        }
        return new IllegalStateException("The transfer failed: " + failure.getMessage(), failure);
    }

    private static void rollbackQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                // The first failure is the news; the connection may be dead.
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Nothing left to do with it.
            }
        }
    }
}
