package crdb.workshop.common.chunk;

import java.time.Duration;

/**
 * What a {@link ChunkedWriter} did: how many rows it sent in committed chunks, in how many chunks
 * (one transaction each), how many retries that took, and how long.
 *
 * <p>{@code rows} counts rows sent, not rows the database added: with ON CONFLICT DO NOTHING a row
 * that already existed is sent and skipped. Count the table when you need the other number. (The
 * driver's update counts cannot tell you either: pgjdbc's rewritten batches report
 * {@code SUCCESS_NO_INFO}, -2, per statement.)
 */
public record ChunkedWriteReport(long rows, int chunks, int retries, Duration elapsed) {

    public static final ChunkedWriteReport NOTHING = new ChunkedWriteReport(0, 0, 0, Duration.ZERO);

    /** Rows per second over the whole write; 0 when nothing was written. */
    public double rowsPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : rows * 1e9 / nanos;
    }
}
