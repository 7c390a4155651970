package crdb.workshop.springboot.retry;

import crdb.workshop.common.retry.FailureClassifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;
import org.springframework.stereotype.Component;

/**
 * Counts what the retries do, in Micrometer, so that /actuator/metrics shows them:
 * {@code bank.transaction.commits} (units of work committed), {@code bank.transaction.retries}
 * (tagged with the SQLSTATE that caused each), {@code bank.transaction.exhausted} (gave up) and
 * {@code bank.transaction.ambiguous} (a COMMIT with an unknown outcome, not retried). Each retry
 * after a connection failure is one line in the log: the service is still trying.
 */
@Component
public class RetryMetrics implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(RetryMetrics.class);

    private final MeterRegistry registry;
    private final Counter commits;
    private final Counter exhausted;
    private final Counter ambiguous;

    public RetryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.commits = registry.counter("bank.transaction.commits");
        this.exhausted = registry.counter("bank.transaction.exhausted");
        this.ambiguous = registry.counter("bank.transaction.ambiguous");
        // Shown (at 0) from the start, so that /actuator/metrics/bank.transaction.retries answers at once.
        registry.counter("bank.transaction.retries", "sqlstate", "40001");
    }

    // tag::before-retry[]
    @Override
    public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
        String sqlState = FailureClassifier.sqlState(state.getLastException());
        registry.counter("bank.transaction.retries", "sqlstate", sqlState == null ? "none" : sqlState).increment();
        if (sqlState != null && FailureClassifier.isConnectionError(sqlState)) {
            log.warn("The database connection failed (SQLSTATE {}): retry {}, still trying", sqlState, state.getRetryCount());
        }
    }
    // end::before-retry[]

    @Override
    public void onRetryPolicyExhaustion(RetryPolicy policy, Retryable<?> retryable, RetryException exception) {
        exhausted.increment();
    }

    void committed() {
        commits.increment();
    }

    void ambiguousCommit() {
        ambiguous.increment();
    }
}
