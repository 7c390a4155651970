package crdb.workshop.benchmarks.transfers.load;

import java.util.Map;

/**
 * One run of one contender: what was committed, refused and lost, how often it retried, how
 * long the transfers took, and whether the invariants held afterwards.
 *
 * @param committed      transfers whose money moved (each recorded once in the transfers table)
 * @param refused        refusals by reason (insufficient funds...): correct answers, not errors
 * @param errors         transfers that failed otherwise, by kind (retries exhausted...)
 * @param notRun         transfers not started because the run's time limit had passed
 * @param retriesByReason retries by the server's message (for reading a run only)
 * @param attempts       how many attempts the committed transfers took: attempts to number of transfers
 * @param clientCpuNanos the client's CPU time for the run: the load threads' CPU time summed
 *                       (for pgbench, its process's user and system time); -1 where not measured
 * @param latenciesNanos each committed transfer's time, retries and waits included, sorted
 */
public record LoadResult(Contender contender, LoadShape shape, long committed, Map<String, Long> refused,
        Map<String, Long> errors, long notRun, long retries, Map<String, Long> retriesByState, Map<String, Long> retriesByReason, Map<Integer, Long> attempts,
        long elapsedNanos, long clientCpuNanos,
        long[] latenciesNanos, Invariants invariants) {

    /** This run with the client's CPU time measured another way (a whole process's, say). */
    public LoadResult withClientCpuNanos(long nanos) {
        return new LoadResult(contender, shape, committed, refused, errors, notRun, retries, retriesByState,
                retriesByReason, attempts, elapsedNanos, nanos, latenciesNanos, invariants);
    }

    /** This run with the retries counted where they happened (a service's own counters, say). */
    public LoadResult withRetries(long count) {
        return new LoadResult(contender, shape, committed, refused, errors, notRun, count, retriesByState,
                retriesByReason, attempts, elapsedNanos, clientCpuNanos, latenciesNanos, invariants);
    }

    public double transfersPerSecond() {
        return committed * 1e9 / elapsedNanos;
    }

    /** Client CPU microseconds per committed transfer; NaN where not measured. */
    public double cpuMicrosPerCommit() {
        return clientCpuNanos < 0 || committed == 0 ? Double.NaN : clientCpuNanos / 1e3 / committed;
    }

    public double retriesPerCommit() {
        return committed == 0 ? Double.NaN : (double) retries / committed;
    }

    /** The latency below which {@code percent} percent of committed transfers finished, in milliseconds. */
    public double latencyMillis(double percent) {
        return Latencies.percentile(latenciesNanos, percent) / 1e6;
    }
}
