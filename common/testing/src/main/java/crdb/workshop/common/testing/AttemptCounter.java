package crdb.workshop.common.testing;

import crdb.workshop.common.retry.RetryListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts attempts and remembers the SQLSTATEs retried; safe to share between threads. Lesson 03's
 * tests and the benchmarks' JDBC baseline test count the same things, so they share this one.
 */
public final class AttemptCounter implements RetryListener {

    public final AtomicInteger attempts = new AtomicInteger();
    public final List<String> retriedStates = new CopyOnWriteArrayList<>();

    @Override
    public void attemptStarted(int attempt) {
        attempts.incrementAndGet();
    }

    @Override
    public void retrying(int attempt, Duration delay, String sqlState, Throwable cause) {
        retriedStates.add(sqlState);
    }
}
