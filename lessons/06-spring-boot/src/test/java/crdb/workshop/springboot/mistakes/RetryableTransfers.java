package crdb.workshop.springboot.mistakes;

import crdb.workshop.springboot.retry.TransactionRetry;
import crdb.workshop.springboot.transfer.Ledger;
import crdb.workshop.springboot.transfer.TransferOutcome;
import crdb.workshop.springboot.transfer.TransferRequest;
import java.lang.reflect.Method;
import java.util.UUID;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Both mistakes fixed the annotation way, with Spring Framework 7's {@code @Retryable}: the retry
 * on one bean, the transaction on another, so the call between them goes through the
 * transaction's proxy and every attempt is a whole new transaction.
 */
public class RetryableTransfers {

    private final TransactionalTransfers transactional; // another bean: calls go through its proxy

    public RetryableTransfers(TransactionalTransfers transactional) {
        this.transactional = transactional;
    }

    // tag::retryable[]
    @Retryable(predicate = SerializationFailure.class, maxRetries = 15, delay = 10, jitter = 10, multiplier = 2,
            maxDelay = 1000)
    public TransferOutcome transfer(UUID key, TransferRequest transfer) {
        return transactional.record(key, transfer);
    }
    // end::retryable[]

    public static class TransactionalTransfers {
        private final Ledger ledger;

        public TransactionalTransfers(Ledger ledger) {
            this.ledger = ledger;
        }

        // tag::transactional[]
        @Transactional
        public TransferOutcome record(UUID key, TransferRequest transfer) {
            return ledger.record(key, transfer);
        }
        // end::transactional[]
    }

    /** Retry by SQLSTATE, whatever exception type Spring translated the 40001 into. */
    public static class SerializationFailure implements MethodRetryPredicate {
        @Override
        public boolean shouldRetry(Method method, Throwable failure) {
            return TransactionRetry.retryable(failure);
        }
    }
}
