package crdb.workshop.chunked;

import crdb.workshop.chunked.insert.InsertMethods;
import crdb.workshop.chunked.insert.PointWrites;
import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.chunked.mapper.PointMapper;
import crdb.workshop.common.chunk.ChunkProgress;
import crdb.workshop.common.chunk.ChunkedWriteReport;
import crdb.workshop.common.chunk.ChunkedWriter;
import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;

/**
 * Lesson 04: the tutorial's "break up large transactions into smaller units of work". Writes
 * 10,000 points in chunks of 1,000, each chunk in its own retried transaction; writes them again
 * to show a re-run adds nothing; then shows what one giant transaction costs everyone else.
 */
public final class ChunkedInsertLesson {

    static final int POINTS = 10_000;
    static final int CHUNK_SIZE = 1_000;

    private ChunkedInsertLesson() {
    }

    public static void main(String[] args) {
        LessonRunner.main(args, ChunkedInsertLesson::run);
    }

    // tag::run[]
    static void run(Database database, PrintStream out) throws Exception {
        database.runScript("crdb/workshop/chunked/schema.sql");
        emptyThePointsTable(database);
        out.println("Created the points table (schema.sql) and emptied it.");

        List<Point> points = Points.generate("tutorial", POINTS); // made once, before any transaction
        try (Database batching = InsertMethods.openWithRewrittenBatches(database)) {
            ChunkedWriter<Point> writer = chunkedWriter(batching, out);
            ChunkedWriteReport report = writer.write(points);
            out.println("Wrote " + describe(report) + ".");
            out.println("Points in the table: " + count(database));

            out.println("Writing the same points again, as a re-run after a failure part-way would:");
            ChunkedWriteReport again = writer.write(points);
            out.println("Sent " + describe(again) + "; ON CONFLICT DO NOTHING skipped every point already there.");
            out.println("Points in the table: " + count(database));

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

    static String describe(ChunkedWriteReport report) {
        return String.format(Locale.ROOT, "%,d rows in %d chunks (one transaction each), %s, in %d ms",
                report.rows(), report.chunks(), report.retries() == 1 ? "1 retry" : report.retries() + " retries",
                report.elapsed().toMillis());
    }

    static long count(Database database) {
        try (SqlSession session = database.sessionFactory().openSession()) {
            return session.getMapper(PointMapper.class).count();
        }
    }

    /** TRUNCATE on its own, auto-committed: on CockroachDB it is a schema change, not transactional. */
    private static void emptyThePointsTable(Database database) {
        try (SqlSession session = database.sessionFactory().openSession(true)) {
            session.getMapper(PointMapper.class).truncate();
        }
    }
}
