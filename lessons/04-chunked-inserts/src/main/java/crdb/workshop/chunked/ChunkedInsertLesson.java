package crdb.workshop.chunked;

import crdb.workshop.chunked.insert.PointWrites;
import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.common.chunk.ChunkProgress;
import crdb.workshop.common.chunk.ChunkedWriteReport;
import crdb.workshop.common.chunk.ChunkedWriter;
import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.url.ConnectionSettings;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.ibatis.session.ExecutorType;

/**
 * Lesson 04: the tutorial's "break up large transactions into smaller units of work". Writes
 * 10,000 points in chunks of 1,000, each chunk in its own retried transaction; writes them again
 * to show a re-run adds nothing; then shows what one giant transaction costs everyone else.
 *
 * <p>A run after a failure resumes: it keeps the chunks that committed, says how many points were
 * there, and writes only the missing ones. {@code --start-over} deletes the lesson's own points
 * first. The lesson never touches a point it did not write.
 */
public final class ChunkedInsertLesson {

    static final int POINTS = 10_000;
    static final int CHUNK_SIZE = 1_000;

    private ChunkedInsertLesson() {
    }

    /** The lesson's own option, taken out before the runner reads the rest. */
    static final String START_OVER = "--start-over";

    public static void main(String[] args) {
        boolean startOver = Arrays.asList(args).contains(START_OVER);
        String[] rest = Arrays.stream(args).filter(arg -> !arg.equals(START_OVER)).toArray(String[]::new);
        LessonRunner.main(rest, (database, out) -> run(database, out, startOver));
    }

    static void run(Database database, PrintStream out) throws Exception {
        run(database, out, false);
    }

    // tag::run[]
    static void run(Database database, PrintStream out, boolean startOver) throws Exception {
        database.runScript("crdb/workshop/chunked/schema.sql");
        out.println("Created the points table if it was missing (schema.sql). This lesson writes, and deletes,"
                + " only its own points.");
        RetryExecutor retry = RetryExecutor.withDefaults(database.sessionFactory());
        List<Point> points = Points.generate("tutorial", POINTS); // made once, before any transaction
        if (startOver) {
            out.printf(Locale.ROOT, "%s: deleted %,d of this lesson's points.%n", START_OVER,
                    LoadResume.delete(retry, points) + LoadResume.delete(retry, GiantTransaction.load()));
        }
        List<Point> missing = LoadResume.missing(retry, points);
        out.printf(Locale.ROOT, "Found %,d of the %,d points from an earlier run; writing the %,d missing.%n",
                points.size() - missing.size(), points.size(), missing.size());

        try (Database batching = openWithRewrittenBatches(database)) {
            ChunkedWriter<Point> writer = chunkedWriter(batching, out);
            ChunkedWriteReport report = writer.write(missing);
            out.println("Wrote " + describe(report) + ".");
            out.println("Points of this load in the table: " + present(retry, points));

            out.println("Sending all the points again, as a re-run that did not look first would:");
            ChunkedWriteReport again = writer.write(points);
            out.println("Sent " + describe(again) + "; ON CONFLICT DO NOTHING skipped every point already there.");
            out.println("Points of this load in the table: " + present(retry, points));

            GiantTransaction.demonstrate(database, out, report);
        }
    }
    // end::run[]

    // tag::chunked-writer[]
    /** 1,000 points per transaction; MyBatis queues a chunk's INSERTs and sends them at COMMIT. */
    static ChunkedWriter<Point> chunkedWriter(Database batching, PrintStream out) {
        return ChunkedWriter.<Point>into(batching.sessionFactory())
                .chunkSize(CHUNK_SIZE)
                .executorType(ExecutorType.BATCH)
                .progress(ChunkProgress.forOutput(out)) // a bar on a terminal, lines otherwise
                .build(PointWrites::insertEach);
    }
    // end::chunked-writer[]

    /**
     * A second pool to the same database whose connections let pgjdbc rewrite a batch of INSERTs
     * into multi-row INSERTs (a driver property, so it needs connections of its own). Close it.
     * It shares the run's give-up time and progress lines, so the run still has one of each.
     */
    static Database openWithRewrittenBatches(Database database) {
        ConnectionSettings settings = database.settings();
        Properties properties = settings.properties();
        properties.setProperty("reWriteBatchedInserts", "true");
        return Database.open(new ConnectionSettings(settings.jdbcUrl(), properties,
                settings.display() + " (reWriteBatchedInserts=true)"), database.giveUpTime());
    }

    static String describe(ChunkedWriteReport report) {
        return String.format(Locale.ROOT, "%,d rows in %d chunks (one transaction each), %s, in %d ms",
                report.rows(), report.chunks(), report.retries() == 1 ? "1 retry" : report.retries() + " retries",
                report.elapsed().toMillis());
    }

    /** How many of {@code load}'s points are in the table. */
    static int present(RetryExecutor retry, List<Point> load) {
        return load.size() - LoadResume.missing(retry, load).size();
    }
}
