package crdb.workshop.common.retry;

import java.time.Duration;

/**
 * The executor's sense of time: a clock for the deadline and a way to wait between attempts.
 * {@link #SYSTEM} is the real one; tests pass their own to control time without waiting for it.
 */
public interface RetryTimer {

    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Waits {@code duration}; an interrupt ends the wait with {@link InterruptedException}. */
    void sleep(Duration duration) throws InterruptedException;

    RetryTimer SYSTEM = new RetryTimer() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };
}
