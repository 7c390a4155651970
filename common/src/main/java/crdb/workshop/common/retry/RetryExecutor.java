package crdb.workshop.common.retry;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * This workspace's {@code run_transaction}: runs a unit of work in a transaction and, when the
 * database asks for a retry (SQLSTATE 40001), runs the whole unit again, COMMIT included.
 *
 * <pre>{@code
 * RetryExecutor retry = RetryExecutor.withDefaults(database.sessionFactory());
 * long balance = retry.inTransaction(session -> session.getMapper(AccountMapper.class).findBalance(id));
 * }</pre>
 *
 * <p>FIRST DRAFT: the API is fixed; the full retry policy (connection errors, ambiguous commits,
 * deadline, interrupts, savepoint mode) arrives with its fault suite.
 */
public final class RetryExecutor {

    private final SqlSessionFactory sessions;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final ExecutorType executorType;
    private final RetryListener listener;

    private RetryExecutor(Builder builder) {
        this.sessions = builder.sessions;
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.executorType = builder.executorType;
        this.listener = builder.listener;
    }

    public static RetryExecutor withDefaults(SqlSessionFactory sessions) {
        return builder(sessions).build();
    }

    public static Builder builder(SqlSessionFactory sessions) {
        return new Builder(sessions);
    }

    /** Runs {@code work} in a transaction, retrying the whole unit on 40001; returns its result. */
    public <T> T inTransaction(TransactionCallback<T> work) {
        return execute(work);
    }

    /** As {@link #inTransaction}, for work that returns nothing. */
    public void useTransaction(TransactionConsumer work) {
        execute(session -> {
            work.useSession(session);
            return null;
        });
    }

    /**
     * As {@link #inTransaction}, for work that is safe to apply twice (or that detects a second
     * application itself): retried even when a COMMIT's outcome is unknown.
     */
    public <T> T inIdempotentTransaction(TransactionCallback<T> work) {
        return execute(work);
    }

    private <T> T execute(TransactionCallback<T> work) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            listener.attemptStarted(attempt);
            try (SqlSession session = sessions.openSession(executorType, false)) {
                T result = work.doInTransaction(new GuardedSqlSession(session));
                session.commit(true);
                listener.succeeded(attempt);
                return result;
            } catch (RuntimeException e) {
                String state = RetryableErrors.sqlState(e);
                if (!"40001".equals(state)) {
                    throw e;
                }
                if (last != null) {
                    e.addSuppressed(last);
                }
                last = e;
                Duration delay = backoff(attempt);
                listener.retrying(attempt, delay, state, e);
                sleep(delay);
            }
        }
        listener.gaveUp(maxAttempts, last);
        throw new RetriesExhaustedException("gave up after " + maxAttempts + " attempts", maxAttempts, last);
    }

    private Duration backoff(int attempt) {
        long cap = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    /** Settings, validated when set. */
    public static final class Builder {
        private final SqlSessionFactory sessions;
        private int maxAttempts = 10;
        private Duration initialBackoff = Duration.ofMillis(10);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private ExecutorType executorType = ExecutorType.SIMPLE;
        private RetryListener listener = RetryListener.NONE;

        private Builder(SqlSessionFactory sessions) {
            this.sessions = Objects.requireNonNull(sessions, "sessions");
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** SIMPLE (the default), REUSE, or BATCH for bulk writes. */
        public Builder executorType(ExecutorType executorType) {
            this.executorType = executorType;
            return this;
        }

        public Builder listener(RetryListener listener) {
            this.listener = listener;
            return this;
        }

        public RetryExecutor build() {
            return new RetryExecutor(this);
        }
    }

    /** Finds the SQLSTATE anywhere in the cause chain (MyBatis wraps SQLExceptions). */
    static final class RetryableErrors {
        private RetryableErrors() {
        }

        static String sqlState(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && sql.getSQLState() != null) {
                    return sql.getSQLState();
                }
            }
            return null;
        }
    }
}
