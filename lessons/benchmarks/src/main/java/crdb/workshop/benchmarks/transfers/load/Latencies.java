package crdb.workshop.benchmarks.transfers.load;

/** Percentiles of sorted latencies, by the nearest-rank method. */
public final class Latencies {

    private Latencies() {
    }

    /** The smallest value at or below which {@code percent} percent of {@code sorted} lie; NaN for none. */
    public static double percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
