package crdb.workshop.common.retry;

/**
 * Every allowed attempt failed with a retryable error, or the deadline came first. The last
 * failure is the cause; the failures of the earlier attempts are attached as suppressed
 * exceptions, oldest first.
 */
public class RetriesExhaustedException extends RuntimeException {

    private final int attempts;

    public RetriesExhaustedException(String message, int attempts, Throwable lastFailure) {
        super(message, lastFailure);
        this.attempts = attempts;
    }

    /** How many attempts ran. */
    public int attempts() {
        return attempts;
    }
}
