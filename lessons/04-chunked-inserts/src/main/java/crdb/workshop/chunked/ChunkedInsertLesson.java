package crdb.workshop.chunked;

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

    static void run(Database database, PrintStream out) throws Exception {
        database.runScript("crdb/workshop/chunked/schema.sql");
        emptyThePointsTable(database);
        out.println("Created the points table (schema.sql) and emptied it.");

        // tag::chunked-load[]
        List<Point> points = Points.generate("tutorial", POINTS); // made once, before any transaction
        ChunkedWriter<Point> writer = ChunkedWriter.<Point>into(database.sessionFactory())
                .chunkSize(CHUNK_SIZE)
                .progress(ChunkProgress.forOutput(out)) // a bar on a terminal, lines otherwise
                .build(PointWrites::multiRowInsert);
        ChunkedWriteReport report = writer.write(points);
        // end::chunked-load[]
        out.println("Wrote " + describe(report) + ".");
        out.println("Points in the table: " + count(database));

        // tag::run-again[]
        out.println("Writing the same points again, as a re-run after a failure part-way would:");
        ChunkedWriteReport again = writer.write(points);
        out.println("Sent " + describe(again) + "; ON CONFLICT DO NOTHING skipped every point already there.");
        out.println("Points in the table: " + count(database));
        // end::run-again[]

        GiantTransaction.demonstrate(database, out, report);
    }

    static String describe(ChunkedWriteReport report) {
        return String.format(Locale.ROOT, "%,d rows in %d chunks (one transaction each), %d retries, in %d ms",
                report.rows(), report.chunks(), report.retries(), report.elapsed().toMillis());
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
