package crdb.workshop.common.chunk;

import java.io.PrintStream;
import java.util.OptionalLong;

/**
 * Progress as plain lines, for output that is not a terminal: a line each time another tenth of
 * the rows has committed, so a million-row load logs ten lines, not a thousand.
 */
final class ProgressLines implements ChunkProgress {

    private final PrintStream out;
    private OptionalLong totalRows = OptionalLong.empty();
    private OptionalLong totalChunks = OptionalLong.empty();
    private int lastTenth;

    ProgressLines(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(OptionalLong totalRows, int chunkSize) {
        this.totalRows = totalRows;
        this.totalChunks = ProgressText.totalChunks(totalRows, chunkSize);
        this.lastTenth = 0;
    }

    @Override
    public void chunkCommitted(ChunkedWriteReport soFar) {
        if (totalRows.isPresent()) {
            int tenth = ProgressText.percent(soFar.rows(), totalRows.getAsLong()) / 10;
            if (tenth > lastTenth || soFar.rows() == totalRows.getAsLong()) {
                lastTenth = tenth;
                out.println("  chunk " + ProgressText.chunkOf(soFar.chunks(), totalChunks) + ": "
                        + ProgressText.count(soFar.rows()) + " of " + ProgressText.count(totalRows.getAsLong())
                        + " rows (" + ProgressText.percent(soFar.rows(), totalRows.getAsLong()) + "%), "
                        + ProgressText.retries(soFar.retries()));
            }
        } else if (isRoundNumber(soFar.chunks())) {
            out.println("  chunk " + soFar.chunks() + ": " + ProgressText.count(soFar.rows()) + " rows, "
                    + ProgressText.retries(soFar.retries()));
        }
    }

    /** 1..10, then 20, 30..100, then 200, 300...: fewer lines as an open-ended load goes on. */
    private static boolean isRoundNumber(int chunk) {
        long step = 1;
        while (chunk > step * 10) {
            step *= 10;
        }
        return chunk % step == 0;
    }
}
