package crdb.workshop.common.retry;

import crdb.workshop.common.retry.FailureClassifier.Verdict;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This workspace's {@code run_transaction}: runs a unit of work in a transaction and, when the
 * database asks for a retry, runs the whole unit again, COMMIT included.
 *
 * <pre>{@code
 * RetryExecutor retry = RetryExecutor.withDefaults(database.sessionFactory());
 * Account account = retry.inTransaction(session -> session.getMapper(AccountMapper.class).findById(id));
 * }</pre>
 *
 * <p>Every transaction runs at a stated {@link Isolation}: SERIALIZABLE unless the executor was
 * built for another ({@link Builder#isolation}, {@link #withIsolation}), whatever the server's
 * default. Read-only work goes through {@link #inReadOnlyTransaction}.
 *
 * <p>What it does with a failed attempt (rolled back first, always):
 * <ul>
 *   <li>SQLSTATE 40001 anywhere in the cause chain (40P01, PostgreSQL's deadlock, too), before or
 *       at COMMIT: the server aborted the transaction, so the unit runs again.
 *   <li>A connection error (class 08, 57P01), or a server that refuses new connections for now
 *       (57P03 starting up, 53300 too many connections), before COMMIT was sent: nothing was
 *       committed; the unit runs again on a fresh connection.
 *   <li>No definite answer to COMMIT (the connection broke, or 40003 "result is ambiguous"):
 *       {@link AmbiguousCommitException}, unless the unit was declared idempotent with
 *       {@link #inIdempotentTransaction}, which runs it again.
 *   <li>Anything else (constraint violations, cancelled statements, your own exceptions): rethrown
 *       unchanged, with no further attempt.
 * </ul>
 * Between attempts it waits a capped, exponentially growing, random time. It gives up with
 * {@link RetriesExhaustedException} after {@code maxAttempts} attempts or when the deadline would
 * pass (its own, or the run's {@link GiveUpTime}, which a SqlSessionFactory from Database carries), and with {@link RetryInterruptedException} when the thread is interrupted (checked
 * before the first attempt too: an interrupted caller sends nothing). One attempt is bounded by
 * the connection's statement timeout ({@link SessionDefaults}).
 *
 * <p>The callback gets a fresh session on every attempt and must not commit, roll back, close it,
 * or start another transaction: those throw {@link TransactionMisuseException}. It may run more
 * than once, so it must not change anything outside the database: return what you need instead.
 *
 * <p>Instances are immutable and thread-safe; make one and share it.
 */
public final class RetryExecutor {

    private static final Logger log = LoggerFactory.getLogger(RetryExecutor.class);

    private final DataSource dataSource;
    private final Configuration configuration;
    private final int maxAttempts;
    private final Backoff backoff;
    private final Duration deadline;
    private final ExecutorType executorType;
    private final RetryProtocol protocol;
    private final RetryListener listener;
    private final RetryTimer timer;
    private final Isolation isolation;
    private final GiveUpTime giveUpTime;

    private RetryExecutor(Builder builder) {
        this.dataSource = builder.dataSource;
        this.configuration = builder.sessions.getConfiguration();
        this.maxAttempts = builder.maxAttempts;
        this.backoff = new Backoff(builder.initialBackoff, builder.maxBackoff, builder.multiplier);
        this.deadline = builder.deadline;
        this.executorType = builder.executorType;
        this.protocol = builder.protocol;
        this.listener = RetryEcho.alongside(builder.listener); // --echo-sql tells retries with the SQL
        this.timer = builder.timer;
        this.isolation = builder.isolation;
        this.giveUpTime = builder.giveUpTime;
    }

    private RetryExecutor(RetryExecutor other, Isolation isolation) {
        this.dataSource = other.dataSource;
        this.configuration = other.configuration;
        this.maxAttempts = other.maxAttempts;
        this.backoff = other.backoff;
        this.deadline = other.deadline;
        this.executorType = other.executorType;
        this.protocol = other.protocol;
        this.listener = other.listener;
        this.timer = other.timer;
        this.isolation = isolation;
        this.giveUpTime = other.giveUpTime;
    }

    /** This executor with its transactions run at {@code isolation}; everything else the same. */
    public RetryExecutor withIsolation(Isolation isolation) {
        Objects.requireNonNull(isolation, "isolation");
        return isolation == this.isolation ? this : new RetryExecutor(this, isolation);
    }

    /** The isolation level this executor's transactions run at. */
    public Isolation isolation() {
        return isolation;
    }

    /** MyBatis's databaseId for the database behind it: "postgresql" or "cockroachdb". */
    public String databaseId() {
        return configuration.getDatabaseId();
    }

    /** 10 attempts, backoff from 10 ms doubling up to 2 s, no deadline, full restarts. */
    public static RetryExecutor withDefaults(SqlSessionFactory sessions) {
        return builder(sessions).build();
    }

    public static Builder builder(SqlSessionFactory sessions) {
        return new Builder(sessions);
    }

    /** Runs {@code work} in a transaction, retrying the whole unit as described above; returns its result. */
    public <T> T inTransaction(TransactionCallback<T> work) {
        return execute(work, false, false);
    }

    /** As {@link #inTransaction}, for work that returns nothing. */
    public void useTransaction(TransactionConsumer work) {
        Objects.requireNonNull(work, "work");
        execute(session -> {
            work.useSession(session);
            return null;
        }, false, false);
    }

    /**
     * As {@link #inTransaction}, for work that is safe to apply twice, or that notices it was
     * applied already (an INSERT keyed by a client-generated id, ON CONFLICT DO NOTHING): retried
     * even when a COMMIT's outcome is unknown.
     */
    public <T> T inIdempotentTransaction(TransactionCallback<T> work) {
        return execute(work, true, false);
    }

    // tag::read-only[]
    /**
     * As {@link #inTransaction}, for work that only reads: the transaction is {@code READ ONLY}
     * (the server refuses any write in it, SQLSTATE 25006), and since it changes nothing it is run
     * again after any connection loss, a lost answer to COMMIT included.
     */
    public <T> T inReadOnlyTransaction(TransactionCallback<T> work) {
        return execute(work, true, true);
    }
    // end::read-only[]

    private <T> T execute(TransactionCallback<T> work, boolean idempotent, boolean readOnly) {
        Objects.requireNonNull(work, "work");
        TransactionScope.refuseNesting();
        if (Thread.currentThread().isInterrupted()) {
            // The caller has been asked to stop: start nothing (the flag stays set for them to see).
            RetryInterruptedException stop = new RetryInterruptedException("Interrupted before the first attempt;"
                    + " nothing was sent to the database.", 0,
                    new InterruptedException("interrupted before the first attempt"));
            listener.gaveUp(0, stop);
            throw stop;
        }
        if (giveUpTime != null && giveUpTime.isUsedUp()) {
            // The run's one give-up time is spent (a cleanup after a failure, say): send nothing more.
            RetriesExhaustedException spent = new RetriesExhaustedException("Gave up before the first attempt: the"
                    + " database has not answered for the give-up time of " + giveUpTime.limit().toSeconds() + " s;"
                    + " nothing was sent. Check that the server is up and reachable, then run it again.", 0, null);
            listener.gaveUp(0, spent);
            throw spent;
        }
        long start = timer.nanoTime();
        List<Throwable> earlier = new ArrayList<>();
        // tag::attempt-loop[]
        try (TransactionRunner runner = newRunner(readOnly)) {
            for (int attempt = 1; ; attempt++) {
                listener.attemptStarted(attempt);
                long began = giveUpTime == null ? 0 : giveUpTime.now();
                Outcome<T> outcome = runner.attempt(work); // rolled back already if it failed
                tellGiveUpTime(outcome, began);
                if (outcome.succeeded()) {
                    log.debug("Committed on attempt {}", attempt);
                    listener.succeeded(attempt);
                    return outcome.result();
                }
                Throwable failure = outcome.failure();
                Verdict verdict = FailureClassifier.classify(failure, outcome.commitSent());
                if (verdict == Verdict.FATAL) {
                    throw giveUp(attempt, failure); // unchanged, as the callback or the database threw it
                }
                if (verdict == Verdict.AMBIGUOUS && !idempotent) {
                    throw giveUp(attempt, ambiguous(attempt, failure, earlier));
                }
                if (attempt == maxAttempts) {
                    throw giveUp(attempt, exhausted("maxAttempts is " + maxAttempts, attempt, failure, earlier));
                }
                Duration delay = backoff.delay(attempt, ThreadLocalRandom.current());
                if (deadline != null && timer.nanoTime() - start + delay.toNanos() > deadline.toNanos()) {
                    throw giveUp(attempt, exhausted("the next attempt would begin after the deadline of "
                            + deadline.toMillis() + " ms", attempt, failure, earlier));
                }
                if (giveUpTime != null && !giveUpTime.allowsAttemptAfter(delay)) {
                    throw giveUp(attempt, exhausted("the database has not answered for the give-up time of "
                            + giveUpTime.limit().toSeconds() + " s", attempt, failure, earlier));
                }
                String state = FailureClassifier.sqlState(failure);
                log.debug("Attempt {} failed with SQLSTATE {}; retrying in {} ms", attempt, state, delay.toMillis());
                listener.retrying(attempt, delay, state, failure);
                earlier.add(failure);
                pause(delay, attempt, earlier);
            }
        }
        // end::attempt-loop[]
    }

    /** Whether the database answered this attempt: the run's give-up time counts only the silence. */
    private void tellGiveUpTime(Outcome<?> outcome, long began) {
        if (giveUpTime == null) {
            return;
        }
        if (outcome.succeeded()) {
            giveUpTime.answered();
            return;
        }
        String state = FailureClassifier.sqlState(outcome.failure());
        if (state == null) {
            if (outcome.commitSent()) {
                giveUpTime.noAnswer(began, "none");
            }
        } else if (FailureClassifier.isConnectionError(state) || FailureClassifier.isServerBusy(state)) {
            giveUpTime.noAnswer(began, state);
        } else {
            giveUpTime.answered();
        }
    }

    private TransactionRunner newRunner(boolean readOnly) {
        return protocol == RetryProtocol.COCKROACH_SAVEPOINT
                ? new SavepointRestartRunner(dataSource, configuration, executorType, isolation, readOnly)
                : new FullRestartRunner(dataSource, configuration, executorType, isolation, readOnly);
    }

    private void pause(Duration delay, int attempts, List<Throwable> failures) {
        try {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted before the backoff began");
            }
            timer.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // whoever interrupted us still needs to see it
            RetryInterruptedException stop = new RetryInterruptedException("Interrupted while waiting to retry"
                    + " after attempt " + attempts + "; no further attempt was made.", attempts, e);
            failures.forEach(stop::addSuppressed);
            throw giveUp(attempts, stop);
        }
    }

    private static AmbiguousCommitException ambiguous(int attempt, Throwable failure, List<Throwable> earlier) {
        return withHistory(new AmbiguousCommitException("COMMIT was sent on attempt " + attempt + " but its outcome"
                + " is unknown (SQLSTATE " + FailureClassifier.sqlState(failure) + "): the transaction may or may not"
                + " have been applied, so it was not retried. Check before trying again, or make the work"
                + " idempotent and use inIdempotentTransaction.", failure), earlier);
    }

    private static RetriesExhaustedException exhausted(String why, int attempts, Throwable failure,
            List<Throwable> earlier) {
        String state = FailureClassifier.sqlState(failure);
        String advice = state != null && FailureClassifier.isRollbackByServer(state)
                ? "Allow more attempts or time, or reduce contention on the rows this transaction touches."
                : "The connection kept failing: check that the server is up and reachable, then run it again.";
        return withHistory(new RetriesExhaustedException("Gave up after " + attempts + " attempts (" + why + ");"
                + " the last failed with SQLSTATE " + state + ". " + advice, attempts, failure), earlier);
    }

    private static <E extends Throwable> E withHistory(E failure, List<Throwable> earlier) {
        earlier.forEach(failure::addSuppressed);
        return failure;
    }

    /** Tells the listener, and hands back the failure to throw: unchanged if it is unchecked. */
    private RuntimeException giveUp(int attempts, Throwable failure) {
        log.debug("Giving up after {} attempts: {}", attempts, failure.toString());
        listener.gaveUp(attempts, failure);
        if (failure instanceof RuntimeException e) {
            return e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        // Only a callback that sneaks a checked exception past the compiler gets here.
        return new UndeclaredThrowableException(failure);
    }

    /** Settings, each checked when it is set, so a mistake fails on the line that made it. */
    public static final class Builder {
        private final SqlSessionFactory sessions;
        private final DataSource dataSource;
        private int maxAttempts = 10;
        private Duration initialBackoff = Duration.ofMillis(10);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private double multiplier = 2.0;
        private Duration deadline;
        private ExecutorType executorType = ExecutorType.SIMPLE;
        private RetryProtocol protocol = RetryProtocol.FULL_RESTART;
        private RetryListener listener = RetryListener.NONE;
        private RetryTimer timer = RetryTimer.SYSTEM;
        private Isolation isolation = Isolation.SERIALIZABLE;
        private GiveUpTime giveUpTime;

        private Builder(SqlSessionFactory sessions) {
            this.sessions = Objects.requireNonNull(sessions, "sessions");
            Environment environment = sessions.getConfiguration().getEnvironment();
            if (environment == null || environment.getDataSource() == null) {
                throw new IllegalArgumentException("The SqlSessionFactory has no environment with a DataSource;"
                        + " build it with MyBatisFactory.build(dataSource) (or Database.sessionFactory()).");
            }
            this.dataSource = environment.getDataSource();
            // The run's give-up time, so that a lesson stops when its server is gone (Database sets it).
            if (sessions.getConfiguration() instanceof GiveUpConfiguration run) {
                this.giveUpTime = run.giveUpTime();
            }
        }

        /** How many times to run the unit at most, the first run included (1 means never retry). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1 (1 runs the unit once, without"
                        + " retries), but was " + maxAttempts + ".");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The longest wait before the first retry; later ones grow by {@link #multiplier}. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = positive("initialBackoff", initialBackoff);
            return this;
        }

        /** The cap on any wait between attempts. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = positive("maxBackoff", maxBackoff);
            return this;
        }

        /** How much the longest wait grows per retry: 2.0 (the default) doubles it. */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number of at least 1.0 (1.0 keeps"
                        + " the wait constant, 2.0 doubles it), but was " + multiplier + ".");
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * The most time the whole call may take, from the first attempt: no attempt starts, and no
         * wait begins, that would end after it. An attempt already running is not cut short: the
         * connection's statement timeout ({@link SessionDefaults}) bounds each statement of it.
         */
        public Builder deadline(Duration deadline) {
            this.deadline = positive("deadline", deadline);
            return this;
        }

        /**
         * The give-up time this executor shares with the rest of the run: once the database has not
         * answered for that long, no further attempt starts (in this call or any other). A
         * SqlSessionFactory from Database brings the run's own; this replaces it.
         */
        public Builder giveUpTime(GiveUpTime giveUpTime) {
            this.giveUpTime = Objects.requireNonNull(giveUpTime, "giveUpTime");
            return this;
        }

        /** SIMPLE (the default), REUSE, or BATCH for bulk writes (sent just before COMMIT). */
        public Builder executorType(ExecutorType executorType) {
            this.executorType = Objects.requireNonNull(executorType, "executorType");
            return this;
        }

        /** {@link RetryProtocol#FULL_RESTART} (the default) or, on CockroachDB, COCKROACH_SAVEPOINT. */
        public Builder protocol(RetryProtocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /** Hooks called as attempts start, fail, and end. They must not throw. */
        public Builder listener(RetryListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The isolation level of every transaction (default SERIALIZABLE). Choose READ COMMITTED
         * only for work that locks what it reads; see {@link Isolation}.
         */
        public Builder isolation(Isolation isolation) {
            this.isolation = Objects.requireNonNull(isolation, "isolation");
            return this;
        }

        /** The clock and the sleep between attempts; tests pass their own. */
        public Builder timer(RetryTimer timer) {
            this.timer = Objects.requireNonNull(timer, "timer");
            return this;
        }

        public RetryExecutor build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff (" + maxBackoff.toMillis() + " ms) must not be less"
                        + " than initialBackoff (" + initialBackoff.toMillis() + " ms).");
            }
            String databaseId = sessions.getConfiguration().getDatabaseId();
            if (protocol == RetryProtocol.COCKROACH_SAVEPOINT && !"cockroachdb".equals(databaseId)) {
                throw new IllegalStateException("The SAVEPOINT cockroach_restart protocol is CockroachDB's; this"
                        + " database is '" + databaseId + "'. Use RetryProtocol.FULL_RESTART, which works everywhere.");
            }
            return new RetryExecutor(this);
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be longer than zero, but was " + value + ".");
            }
            return value;
        }
    }
}
