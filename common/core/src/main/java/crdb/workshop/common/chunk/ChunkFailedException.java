package crdb.workshop.common.chunk;

import crdb.workshop.common.WorkshopException;

/**
 * A chunk could not be written: its transaction rolled back, while every chunk before it stays
 * committed. The message says which rows, why, and that running the same load again is safe.
 */
public class ChunkFailedException extends WorkshopException {

    private final int chunk;
    private final ChunkedWriteReport committed;

    public ChunkFailedException(String message, int chunk, ChunkedWriteReport committed, Throwable cause) {
        super(message, cause);
        this.chunk = chunk;
        this.committed = committed;
    }

    /** The failed chunk's number, counting from 1. */
    public int chunk() {
        return chunk;
    }

    /** What was committed before the failure: the chunks before {@link #chunk()}. */
    public ChunkedWriteReport committed() {
        return committed;
    }
}
