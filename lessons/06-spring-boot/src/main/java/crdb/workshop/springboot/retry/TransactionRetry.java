package crdb.workshop.springboot.retry;

import java.util.function.Supplier;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's {@code run_transaction}: runs a unit of work in a transaction and, when the
 * database asks for it, runs the whole transaction again, COMMIT included. Retry outside,
 * transaction inside: Spring's RetryTemplate calls Spring's TransactionTemplate, so every attempt
 * is a new transaction, begun, run and committed (or rolled back) before the next one starts.
 *
 * <p>Lesson 03's rules: a 40001 (or 40P01) is retried, before or at COMMIT; a lost connection
 * before COMMIT is retried; a COMMIT whose outcome is unknown is retried only for work that notices
 * it was applied already ({@link #inIdempotentTransaction}); everything else is thrown at once.
 * Between attempts: exponential backoff, randomised, capped (application.yml, bank.retry).
 *
 * <p>The work may run more than once: it must change nothing outside the database.
 */
@Component
public class TransactionRetry {

    private final TransactionTemplate transactions;
    private final RetryTemplate retries;
    private final RetryTemplate idempotentRetries;
    private final RetryMetrics metrics;

    public TransactionRetry(TransactionTemplate transactions, RetrySettings settings, RetryMetrics metrics) {
        this.transactions = transactions;
        this.retries = template(settings, metrics, false);
        this.idempotentRetries = template(settings, metrics, true);
        this.metrics = metrics;
    }

    /** Runs {@code work} in a transaction, retried as above; stops at a COMMIT with an unknown outcome. */
    public <T> T inTransaction(Supplier<T> work) {
        return run(retries, work);
    }

    /**
     * As {@link #inTransaction}, for work that is safe to run again after a COMMIT whose outcome
     * is unknown, because it finds out whether it was applied (a row keyed by the client's id).
     */
    public <T> T inIdempotentTransaction(Supplier<T> work) {
        return run(idempotentRetries, work);
    }

    // tag::retry-around-transaction[]
    private <T> T run(RetryTemplate retry, Supplier<T> work) {
        T result = retry.invoke(() -> attempt(work)); // each attempt is a whole new transaction
        metrics.committed();
        return result;
    }

    private <T> T attempt(Supplier<T> work) {
        CommitWatch commit = new CommitWatch();
        try {
            return transactions.execute(status -> {
                commit.watch();
                return work.get();
            });
        } catch (RuntimeException failure) { // rolled back already, unless COMMIT itself failed
            if (commit.commitStarted() && SqlStates.commitOutcomeUnknown(failure)) {
                metrics.ambiguousCommit();
                throw new AmbiguousCommitException(failure);
            }
            throw failure;
        }
    }
    // end::retry-around-transaction[]

    /** Spring's RetryTemplate with lesson 03's rules, as the exercise uses it too. */
    // tag::policy[]
    public static RetryTemplate template(RetrySettings settings, RetryMetrics metrics, boolean idempotent) {
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetries(settings.maxRetries())
                .delay(settings.delay())
                .jitter(settings.jitter())
                .multiplier(settings.multiplier())
                .maxDelay(settings.maxDelay())
                .predicate(failure -> failure instanceof AmbiguousCommitException ? idempotent : retryable(failure))
                .build();
        RetryTemplate template = new RetryTemplate(policy);
        template.setRetryListener(metrics);
        return template;
    }

    /** Whatever type Spring translated it into: 40001 or 40P01, or a connection lost before COMMIT. */
    public static boolean retryable(Throwable failure) {
        String state = SqlStates.of(failure);
        return SqlStates.rolledBackByServer(state) || SqlStates.connectionLost(state);
    }
    // end::policy[]
}
