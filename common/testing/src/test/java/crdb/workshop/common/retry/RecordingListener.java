package crdb.workshop.common.retry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Remembers what the executor reported, for assertions. Safe to share between threads. */
class RecordingListener implements RetryListener {

    final AtomicInteger started = new AtomicInteger();
    final List<String> retriedStates = new CopyOnWriteArrayList<>();
    final List<Duration> delays = new CopyOnWriteArrayList<>();
    final List<Integer> succeededAfter = new CopyOnWriteArrayList<>();
    final List<Throwable> gaveUp = new CopyOnWriteArrayList<>();

    @Override
    public void attemptStarted(int attempt) {
        started.incrementAndGet();
    }

    @Override
    public void retrying(int attempt, Duration delay, String sqlState, Throwable cause) {
        retriedStates.add(sqlState);
        delays.add(delay);
    }

    @Override
    public void succeeded(int attempts) {
        succeededAfter.add(attempts);
    }

    @Override
    public void gaveUp(int attempts, Throwable failure) {
        gaveUp.add(failure);
    }
}
