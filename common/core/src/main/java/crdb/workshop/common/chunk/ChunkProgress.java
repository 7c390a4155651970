package crdb.workshop.common.chunk;

import java.io.PrintStream;
import java.util.OptionalLong;

/**
 * Watches a {@link ChunkedWriter} work. It is told about a chunk only after the chunk committed,
 * so what it shows is durable, never an attempt that may still roll back.
 */
public interface ChunkProgress {

    /** Shows nothing. */
    ChunkProgress NONE = soFar -> { };

    /** Before the first chunk; {@code totalRows} is empty when the input's size is unknown. */
    default void started(OptionalLong totalRows, int chunkSize) {
    }

    /** A chunk committed; {@code soFar} counts every chunk committed up to now. */
    void chunkCommitted(ChunkedWriteReport soFar);

    /** The write is over: every chunk committed, or one failed and {@code soFar} is what committed. */
    default void finished(ChunkedWriteReport soFar) {
    }

    /**
     * A redrawn bar when {@code out} is the terminal, plain lines otherwise (a log file, a pipe,
     * a test's buffer), where carriage returns would only make a mess.
     */
    static ChunkProgress forOutput(PrintStream out) {
        return out == System.out && System.console() != null ? bar(out) : lines(out);
    }

    /** One line per 10% of the rows (or per chunk, up to ten chunks, when the total is unknown). */
    static ChunkProgress lines(PrintStream out) {
        return new ProgressLines(out);
    }

    /** A bar on one terminal line, redrawn as chunks commit. */
    static ChunkProgress bar(PrintStream out) {
        return new ProgressBar(out);
    }
}
