package crdb.workshop.common.retry;

/**
 * Every allowed attempt failed with a retryable error, or the deadline passed. The failures of
 * the earlier attempts are attached as suppressed exceptions; the last one is the cause.
 */
public class RetriesExhaustedException extends RuntimeException {

    private final int attempts;

    public RetriesExhaustedException(String message, int attempts, Throwable lastFailure) {
        super(message, lastFailure);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
