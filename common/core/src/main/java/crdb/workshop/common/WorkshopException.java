package crdb.workshop.common;

/**
 * A failure the user can fix: bad settings, an unreachable server, a refused transfer.
 *
 * <p>The message is one line that says what is wrong and how to fix it. The lesson runner prints
 * it as is, without a stack trace, and exits non-zero. It never contains a password.
 */
public class WorkshopException extends RuntimeException {

    public WorkshopException(String message) {
        super(message);
    }

    public WorkshopException(String message, Throwable cause) {
        super(message, cause);
    }
}
