package crdb.workshop.common.chunk;

import java.io.PrintStream;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Progress as one terminal line, redrawn with a carriage return after each chunk commits:
 * {@code [#########---------------------]  30%  3,000/10,000 rows  chunk 3/10  0 retries}.
 *
 * <p>Hand-written rather than a library (me.tongfei:progressbar would bring JLine and a refresh
 * thread): we redraw only when a chunk commits, from the writing thread, so a few dozen lines do it.
 */
final class ProgressBar implements ChunkProgress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L; // 10 redraws a second are plenty

    private final PrintStream out;
    private OptionalLong totalRows = OptionalLong.empty();
    private OptionalLong totalChunks = OptionalLong.empty();
    private long lastDrawn;
    private int lastLength;
    private ChunkedWriteReport shown;
    /** Ends the bar's line if the JVM stops mid-write (Ctrl-C), so the shell prompt starts on a line of its own. */
    private Thread endLineOnExit;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(OptionalLong totalRows, int chunkSize) {
        this.totalRows = totalRows;
        this.totalChunks = ProgressText.totalChunks(totalRows, chunkSize);
        this.lastLength = 0;
        endLineOnExit = new Thread(() -> {
            out.println();
            out.flush();
        }, "progress-bar-line-end");
        Runtime.getRuntime().addShutdownHook(endLineOnExit);
        draw(ChunkedWriteReport.NOTHING);
        this.lastDrawn = System.nanoTime();
    }

    @Override
    public void chunkCommitted(ChunkedWriteReport soFar) {
        long now = System.nanoTime();
        boolean last = totalRows.isPresent() && soFar.rows() == totalRows.getAsLong();
        if (last || now - lastDrawn >= REDRAW_NANOS) {
            lastDrawn = now;
            draw(soFar);
        }
    }

    @Override
    public void finished(ChunkedWriteReport soFar) {
        if (!soFar.equals(shown)) {
            draw(soFar);
        }
        out.println();
        removeHook();
    }

    private void removeHook() {
        if (endLineOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(endLineOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to: it ends the line.
            }
            endLineOnExit = null;
        }
    }

    private void draw(ChunkedWriteReport soFar) {
        String line = "  " + render(soFar);
        // Spaces wipe what is left of a longer previous line.
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
        shown = soFar;
    }

    String render(ChunkedWriteReport soFar) {
        String chunk = "chunk " + ProgressText.chunkOf(soFar.chunks(), totalChunks) + "  "
                + ProgressText.retries(soFar.retries());
        if (totalRows.isEmpty()) {
            return ProgressText.count(soFar.rows()) + " rows  " + chunk;
        }
        long total = totalRows.getAsLong();
        int percent = ProgressText.percent(soFar.rows(), total);
        int filled = percent * WIDTH / 100;
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + String.format(Locale.ROOT, "%3d%%", percent)
                + "  " + ProgressText.count(soFar.rows()) + "/" + ProgressText.count(total) + " rows  " + chunk;
    }
}
