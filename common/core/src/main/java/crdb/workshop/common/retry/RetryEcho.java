package crdb.workshop.common.retry;

import crdb.workshop.common.echo.EchoConsole;
import java.time.Duration;

/**
 * The RetryExecutor's side of the story, told between the statements: which attempt failed, with
 * which SQLSTATE, and how long the executor waits before the next one.
 */
final class RetryEcho implements RetryListener {

    private final RetryListener next;

    private RetryEcho(RetryListener next) {
        this.next = next;
    }

    /** {@code listener}, preceded by the echo of each retry (which prints only while echo is on). */
    static RetryListener alongside(RetryListener listener) {
        return new RetryEcho(listener);
    }

    @Override
    public void attemptStarted(int attempt) {
        EchoConsole.attemptStarted(attempt);
        next.attemptStarted(attempt);
    }

    @Override
    public void retrying(int attempt, Duration delay, String sqlState, Throwable cause) {
        if (EchoConsole.isOn()) {
            EchoConsole.control("-- retry: attempt " + attempt + " failed with SQLSTATE " + sqlState
                    + "; attempt " + (attempt + 1) + " starts in " + delay.toMillis() + " ms");
        }
        next.retrying(attempt, delay, sqlState, cause);
    }

    @Override
    public void succeeded(int attempts) {
        EchoConsole.attemptEnded(attempts > 1 ? "-- committed on attempt " + attempts : null);
        next.succeeded(attempts);
    }

    @Override
    public void gaveUp(int attempts, Throwable failure) {
        if (EchoConsole.isOn()) {
            EchoConsole.attemptEnded("-- gave up after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ")
                    + failure.getClass().getSimpleName());
        }
        next.gaveUp(attempts, failure);
    }
}
