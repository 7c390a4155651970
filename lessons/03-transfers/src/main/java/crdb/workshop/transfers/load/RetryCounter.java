package crdb.workshop.transfers.load;

import crdb.workshop.common.retry.RetryListener;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts retries, by SQLSTATE, from every thread of a run. */
public final class RetryCounter implements RetryListener {

    private final Map<String, LongAdder> byState = new ConcurrentHashMap<>();

    @Override
    public void retrying(int attempt, Duration delay, String sqlState, Throwable cause) {
        byState.computeIfAbsent(String.valueOf(sqlState), state -> new LongAdder()).increment();
    }

    public long total() {
        return byState.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Retries by the SQLSTATE that caused them ("null": a COMMIT that got no answer). */
    public Map<String, Long> byState() {
        Map<String, Long> counts = new TreeMap<>();
        byState.forEach((state, count) -> counts.put(state, count.sum()));
        return counts;
    }
}
