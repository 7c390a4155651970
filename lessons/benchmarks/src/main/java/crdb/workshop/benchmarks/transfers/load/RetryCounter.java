package crdb.workshop.benchmarks.transfers.load;

import crdb.workshop.common.retry.RetryListener;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Counts retries, by SQLSTATE, and attempts per committed transfer, from every thread of a run. */
public final class RetryCounter implements RetryListener {

    private final Map<String, LongAdder> byState = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> attempts = new ConcurrentHashMap<>();

    @Override
    public void succeeded(int attempt) {
        attempts.computeIfAbsent(attempt, n -> new LongAdder()).increment();
    }

    /** Committed transfers by the number of attempts they took. */
    public Map<Integer, Long> attempts() {
        Map<Integer, Long> counts = new TreeMap<>();
        attempts.forEach((n, count) -> counts.put(n, count.sum()));
        return counts;
    }

    private final Map<String, LongAdder> byReason = new ConcurrentHashMap<>();

    @Override
    public void retrying(int attempt, Duration delay, String sqlState, Throwable cause) {
        byState.computeIfAbsent(String.valueOf(sqlState), state -> new LongAdder()).increment();
        byReason.computeIfAbsent(reason(sqlState, cause), reason -> new LongAdder()).increment();
    }

    /** Retries by the server's own words: the message and, from PostgreSQL's SSI, its reason code. */
    public Map<String, Long> byReason() {
        Map<String, Long> counts = new TreeMap<>();
        byReason.forEach((reason, count) -> counts.put(reason, count.sum()));
        return counts;
    }

    /** For reading a run, never for deciding anything: the words differ between servers and versions. */
    static String reason(String sqlState, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof PSQLException e && e.getServerErrorMessage() != null) {
                ServerErrorMessage m = e.getServerErrorMessage();
                // Without the transaction ids ("pivot 120278"), so that the same reason counts once.
                String detail = m.getDetail() == null ? "" : m.getDetail().replaceAll("\\d+", "N");
                return sqlState + " " + m.getMessage() + (detail.startsWith("Reason code") ? " (" + detail + ")" : "");
            }
        }
        return String.valueOf(sqlState);
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
