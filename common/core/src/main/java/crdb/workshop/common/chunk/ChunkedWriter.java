package crdb.workshop.common.chunk;

import crdb.workshop.common.retry.RetriesExhaustedException;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.retry.RetryListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Writes any number of rows in chunks, each chunk in its own transaction run by a
 * {@link RetryExecutor}: the tutorial's "break up large transactions into smaller units of work".
 *
 * <pre>{@code
 * ChunkedWriter<Point> writer = ChunkedWriter.<Point>into(database.sessionFactory())
 *         .chunkSize(1_000)
 *         .build((session, chunk) -> session.getMapper(PointMapper.class).insertAll(chunk));
 * ChunkedWriteReport report = writer.write(points);
 * }</pre>
 *
 * <ul>
 *   <li>A retry (SQLSTATE 40001) re-sends one chunk, the same rows, not the whole load.
 *   <li>A chunk that fails for good stops the write with a {@link ChunkFailedException}; the
 *       chunks before it stay committed, nothing of it does.
 *   <li>Running the same load again after such a failure is safe when the {@link ChunkWrite} is
 *       idempotent (client-generated keys, {@code INSERT ... ON CONFLICT (id) DO NOTHING}): chunks
 *       that committed are sent again and change nothing. For the same reason each chunk runs with
 *       {@link RetryExecutor#inIdempotentTransaction}, retried even when a COMMIT's outcome is
 *       unknown.
 * </ul>
 *
 * Rows are read lazily from the input, one chunk at a time, so the input may be larger than memory.
 * A writer may be used by several threads at once (each {@link #write} counts its own retries), but
 * then give it {@link ChunkProgress#NONE}: a progress display follows one write at a time.
 */
public final class ChunkedWriter<T> {

    private final SqlSessionFactory sessions;
    private final ChunkWrite<T> chunkWrite;
    private final int chunkSize;
    private final ExecutorType executorType;
    private final int maxAttempts;
    private final ChunkProgress progress;

    private ChunkedWriter(Builder<T> builder, ChunkWrite<T> chunkWrite) {
        this.sessions = builder.sessions;
        this.chunkWrite = chunkWrite;
        this.chunkSize = builder.chunkSize;
        this.executorType = builder.executorType;
        this.maxAttempts = builder.maxAttempts;
        this.progress = builder.progress;
    }

    /** Starts a writer over {@code sessions}; set the chunk size, then {@link Builder#build}. */
    public static <T> Builder<T> into(SqlSessionFactory sessions) {
        return new Builder<>(sessions);
    }

    public int chunkSize() {
        return chunkSize;
    }

    /**
     * Writes every row of {@code rows}, {@link #chunkSize()} rows per transaction, in order.
     *
     * @throws ChunkFailedException when a chunk fails for good; earlier chunks stay committed
     */
    public ChunkedWriteReport write(Iterable<? extends T> rows) {
        Objects.requireNonNull(rows, "rows");
        OptionalLong total = rows instanceof Collection<?> c ? OptionalLong.of(c.size()) : OptionalLong.empty();
        AtomicInteger retries = new AtomicInteger();
        RetryExecutor retry = RetryExecutor.builder(sessions)
                .executorType(executorType)
                .maxAttempts(maxAttempts)
                .listener(new RetryListener() {
                    @Override
                    public void retrying(int attempt, Duration delay, String sqlState, Throwable cause) {
                        retries.incrementAndGet();
                    }
                })
                .build();

        long start = System.nanoTime();
        ChunkedWriteReport soFar = ChunkedWriteReport.NOTHING;
        progress.started(total, chunkSize);
        Iterator<? extends T> input = rows.iterator();
        try {
            while (input.hasNext()) {
                List<T> chunk = nextChunk(input);
                try {
                    retry.inIdempotentTransaction(session -> {
                        chunkWrite.write(session, chunk);
                        return null;
                    });
                } catch (RuntimeException e) {
                    throw failed(soFar, chunk.size(), e);
                }
                soFar = new ChunkedWriteReport(soFar.rows() + chunk.size(), soFar.chunks() + 1, retries.get(),
                        Duration.ofNanos(System.nanoTime() - start));
                progress.chunkCommitted(soFar);
            }
        } finally {
            progress.finished(soFar);
        }
        return soFar;
    }

    /** The next rows, at most one chunk, in a list that no attempt can change. */
    private List<T> nextChunk(Iterator<? extends T> input) {
        List<T> chunk = new ArrayList<>(Math.min(chunkSize, 16_384));
        while (chunk.size() < chunkSize && input.hasNext()) {
            chunk.add(Objects.requireNonNull(input.next(), "rows must not contain null"));
        }
        return Collections.unmodifiableList(chunk);
    }

    private static ChunkFailedException failed(ChunkedWriteReport committed, int chunkRows, RuntimeException cause) {
        int number = committed.chunks() + 1;
        long first = committed.rows() + 1;
        String before = switch (committed.chunks()) {
            case 0 -> "Nothing before it was written";
            case 1 -> "The chunk before it (" + ProgressText.count(committed.rows()) + " rows) is committed";
            default -> "The " + ProgressText.count(committed.chunks()) + " chunks before it ("
                    + ProgressText.count(committed.rows()) + " rows) are committed";
        };
        String message = "Chunk " + number + " (rows " + ProgressText.count(first) + " to "
                + ProgressText.count(first + chunkRows - 1) + ") failed and was rolled back: " + reason(cause)
                + ". " + before + ". Fix the cause and run the same load again: rows already committed are"
                + " sent again and skipped.";
        return new ChunkFailedException(message, number, committed, cause);
    }

    /** The database's own words (the deepest cause), without the layers MyBatis wraps around them. */
    private static String reason(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String firstLine = message.lines().findFirst().orElse("").strip();
        return e instanceof RetriesExhaustedException gaveUp
                ? "gave up after " + gaveUp.attempts() + " attempts, the last failing with " + firstLine
                : firstLine;
    }

    /** Settings, each checked when set. */
    public static final class Builder<T> {
        private final SqlSessionFactory sessions;
        private int chunkSize = -1;
        private ExecutorType executorType = ExecutorType.SIMPLE;
        private int maxAttempts = 10;
        private ChunkProgress progress = ChunkProgress.NONE;

        private Builder(SqlSessionFactory sessions) {
            this.sessions = Objects.requireNonNull(sessions, "sessions");
        }

        /** Rows per transaction. Required; at least 1. */
        public Builder<T> chunkSize(int chunkSize) {
            if (chunkSize < 1) {
                throw new IllegalArgumentException("chunk size must be at least 1 row per transaction, was "
                        + chunkSize);
            }
            this.chunkSize = chunkSize;
            return this;
        }

        /** SIMPLE (the default), or BATCH to queue a chunk's statements and send them at COMMIT. */
        public Builder<T> executorType(ExecutorType executorType) {
            this.executorType = Objects.requireNonNull(executorType, "executorType");
            return this;
        }

        /** Attempts per chunk, not per load (default 10). */
        public Builder<T> maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Where to show progress (default: nowhere). {@link ChunkProgress#forOutput} picks bar or lines. */
        public Builder<T> progress(ChunkProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** The writer; {@code chunkWrite} writes one chunk in the transaction the writer opened. */
        public ChunkedWriter<T> build(ChunkWrite<T> chunkWrite) {
            Objects.requireNonNull(chunkWrite, "chunkWrite");
            if (chunkSize < 1) {
                throw new IllegalStateException("set chunkSize(n) before build(): how many rows per transaction");
            }
            return new ChunkedWriter<>(this, chunkWrite);
        }
    }
}
