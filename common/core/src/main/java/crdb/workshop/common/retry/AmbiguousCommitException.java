package crdb.workshop.common.retry;

/**
 * COMMIT was sent, but no definite answer came back (the connection broke, or CockroachDB said
 * SQLSTATE 40003 "result is ambiguous"): the transaction may or may not have been applied.
 * Running a non-idempotent unit of work again could apply it twice, so the executor stops and
 * says so. Make the work idempotent (for example, keyed by a client-generated id that a second
 * run finds and skips) and run it with {@link RetryExecutor#inIdempotentTransaction}.
 */
public class AmbiguousCommitException extends RuntimeException {

    public AmbiguousCommitException(String message, Throwable cause) {
        super(message, cause);
    }
}
