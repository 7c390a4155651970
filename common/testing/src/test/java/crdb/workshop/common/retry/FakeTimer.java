package crdb.workshop.common.retry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Time that passes only when the executor sleeps, and passes at once: deadlines without waiting. */
final class FakeTimer implements RetryTimer {

    private long now = 1_000_000_000L;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now += duration.toNanos();
    }

    Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
