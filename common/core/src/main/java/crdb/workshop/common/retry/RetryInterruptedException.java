package crdb.workshop.common.retry;

/**
 * The thread was interrupted before the first attempt (nothing was sent) or while the executor
 * waited to retry: it stopped at once, with the thread's interrupt flag set. The cause is the {@link InterruptedException}; the failed
 * attempts are attached as suppressed exceptions.
 */
public class RetryInterruptedException extends RuntimeException {

    private final int attempts;

    public RetryInterruptedException(String message, int attempts, InterruptedException cause) {
        super(message, cause);
        this.attempts = attempts;
    }

    /** How many attempts ran before the interrupt. */
    public int attempts() {
        return attempts;
    }
}
