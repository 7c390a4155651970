package crdb.workshop.springboot.retry;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.AmbiguousCommitException;
import crdb.workshop.common.retry.FailureClassifier;
import crdb.workshop.common.retry.FailureClassifier.Verdict;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's {@code run_transaction}: runs a unit of work in a transaction and, when the
 * database asks for it, runs the whole transaction again, COMMIT included. Retry outside,
 * transaction inside: Spring's RetryTemplate calls Spring's TransactionTemplate, so every attempt
 * is a new transaction, begun, run and committed (or rolled back) before the next one starts.
 *
 * <p>Lesson 03's rules, from core's FailureClassifier: a 40001 (or 40P01) is retried, before or at
 * COMMIT; a lost connection before COMMIT is retried; a COMMIT whose outcome is unknown is retried
 * only for work that notices it was applied already ({@link #inIdempotentTransaction}); everything
 * else is thrown at once. Between attempts: exponential backoff, randomised, capped
 * (application.yml, bank.retry); no attempt starts after the workspace's give-up time.
 *
 * <p>The work may run more than once: it must change nothing outside the database.
 */
@Component
public class TransactionRetry {

    private final TransactionTemplate transactions;
    private final RetryTemplate retries;
    private final RetryTemplate idempotentRetries;
    private final RetryMetrics metrics;

    public TransactionRetry(TransactionTemplate transactions, RetrySettings settings, RetryMetrics metrics,
            Database database) {
        this.transactions = transactions;
        this.retries = template(settings.within(database), metrics, false);
        this.idempotentRetries = template(settings.within(database), metrics, true);
        this.metrics = metrics;
    }

    /** Runs {@code work} in a transaction, retried as above; stops at a COMMIT with an unknown outcome. */
    public <T> T inTransaction(Supplier<T> work) {
        return run(retries, work);
    }

    /**
     * As {@link #inTransaction}, for work that is safe to run again after a COMMIT whose outcome
     * is unknown: a read, or a write that finds out whether it was applied (a row keyed by the
     * client's id).
     */
    public <T> T inIdempotentTransaction(Supplier<T> work) {
        return run(idempotentRetries, work);
    }

    /**
     * As {@link #inIdempotentTransaction}, for work that only reads: it applies nothing, so a
     * COMMIT without an answer is not ambiguous, only a failure to retry.
     */
    public <T> T read(Supplier<T> work) {
        return run(idempotentRetries, work, false);
    }

    private <T> T run(RetryTemplate retry, Supplier<T> work) {
        return run(retry, work, true);
    }

    // tag::retry-around-transaction[]
    private <T> T run(RetryTemplate retry, Supplier<T> work, boolean writes) {
        T result = retry.invoke(() -> attempt(work, writes)); // each attempt is a whole new transaction
        metrics.committed();
        return result;
    }

    private <T> T attempt(Supplier<T> work, boolean writes) {
        CommitWatch commit = new CommitWatch();
        try {
            return transactions.execute(status -> {
                commit.watch();
                return work.get();
            });
        } catch (RuntimeException thrown) { // rolled back already, unless COMMIT itself failed
            RuntimeException failure = cause(thrown);
            if (writes && commit.commitStarted() && outcomeUnknown(thrown, failure)) {
                metrics.ambiguousCommit();
                throw new AmbiguousCommitException("COMMIT was sent, its outcome is unknown (SQLSTATE "
                        + FailureClassifier.sqlState(failure) + "): it may or may not have been applied.", failure);
            }
            throw failure;
        }
    }
    // end::retry-around-transaction[]

    /**
     * When the connection died, the rollback that follows fails too, and Spring throws "JDBC
     * rollback failed" with the failure that caused it aside: that failure is the one to judge.
     * When COMMIT was what failed, Spring keeps only the rollback's failure, "Connection is closed"
     * without a SQLSTATE (HikariCP gives none): that is SQLSTATE 08003, the connection is gone.
     */
    private static RuntimeException cause(RuntimeException thrown) {
        if (thrown instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
            return rollback.getApplicationException() instanceof RuntimeException cause ? cause : thrown;
        }
        return isLostAtCommit(thrown) ? new TransientDataAccessResourceException("The connection was lost at"
                + " COMMIT", new SQLException(thrown.getMessage(), "08003", thrown)) : thrown;
    }

    /** After COMMIT was sent: the connection was lost, or the server's answer was not definite. */
    private static boolean outcomeUnknown(RuntimeException thrown, RuntimeException failure) {
        return isLostAtCommit(thrown) || FailureClassifier.classify(failure, true) == Verdict.AMBIGUOUS;
    }

    private static boolean isLostAtCommit(RuntimeException thrown) {
        return thrown instanceof TransactionSystemException rollback && rollback.getApplicationException() == null
                && FailureClassifier.sqlState(rollback) == null;
    }

    /** Spring's RetryTemplate with lesson 03's rules, as the exercise uses it too. */
    // tag::policy[]
    public static RetryTemplate template(RetrySettings settings, RetryMetrics metrics, boolean idempotent) {
        RetryPolicy.Builder builder = RetryPolicy.builder()
                .maxRetries(settings.maxRetries())
                .delay(settings.delay())
                .jitter(settings.jitter())
                .multiplier(settings.multiplier())
                .maxDelay(settings.maxDelay())
                .predicate(failure -> failure instanceof AmbiguousCommitException ? idempotent : retryable(failure));
        RetryPolicy policy = settings.giveUp() == null ? builder.build() : builder.timeout(settings.giveUp()).build();
        RetryTemplate template = new RetryTemplate(policy);
        template.setRetryListener(metrics);
        return template;
    }

    /** Whatever type Spring translated it into: 40001 or 40P01, or a connection lost before COMMIT. */
    public static boolean retryable(Throwable failure) {
        return FailureClassifier.classify(failure, false) == Verdict.RETRY;
    }
    // end::policy[]
}
