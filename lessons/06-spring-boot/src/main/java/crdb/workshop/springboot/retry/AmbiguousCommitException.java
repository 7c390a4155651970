package crdb.workshop.springboot.retry;

/**
 * COMMIT was sent and no definite answer came back: the transaction may or may not have been
 * applied. {@link TransactionRetry#inTransaction} stops here; only work that notices it was
 * applied already ({@link TransactionRetry#inIdempotentTransaction}) is run again.
 */
public final class AmbiguousCommitException extends RuntimeException {

    AmbiguousCommitException(Throwable failure) {
        super("COMMIT was sent but its outcome is unknown (SQLSTATE " + SqlStates.of(failure) + "): the transaction"
                + " may or may not have been applied, so it was not retried.", failure);
    }
}
