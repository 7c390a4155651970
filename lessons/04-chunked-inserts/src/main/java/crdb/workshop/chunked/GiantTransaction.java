package crdb.workshop.chunked;

import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.chunked.mapper.PointMapper;
import crdb.workshop.common.chunk.ChunkedWriteReport;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.retry.RetryListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one transaction for the whole load costs everyone else: until it commits, it holds every
 * row it wrote, and another session that writes one of those rows waits for all of it. The same
 * code runs on both databases and shows what each really does; nothing here is simulated.
 */
final class GiantTransaction {

    private GiantTransaction() {
    }

    /** The giant transaction's points: the lesson's too, with keys of their own. */
    static List<Point> load() {
        return Points.generate("giant", ChunkedInsertLesson.POINTS);
    }

    static void demonstrate(Database database, PrintStream out, ChunkedWriteReport chunked) throws Exception {
        out.printf(Locale.ROOT, "One transaction for %,d points, while another session writes the first of them:%n",
                ChunkedInsertLesson.POINTS);
        List<Point> load = load();
        CountDownLatch firstPointWritten = new CountDownLatch(1);
        ExecutorService otherSession = Executors.newSingleThreadExecutor();
        try {
            Future<OtherWrite> other = otherSession.submit(() -> {
                firstPointWritten.await();
                return OtherWrite.of(database, load.get(0));
            });

            // tag::giant-transaction[]
            long start = System.nanoTime();
            // Idempotent (ON CONFLICT DO NOTHING on fixed keys): retried even if COMMIT's answer is lost.
            RetryExecutor.withDefaults(database.sessionFactory()).inIdempotentTransaction(session -> {
                PointMapper points = session.getMapper(PointMapper.class);
                points.insertAll(load.subList(0, 1));
                firstPointWritten.countDown(); // a latch opens once; a retry cannot open it twice
                for (int from = 1; from < load.size(); from += 1_000) { // 1,000 rows a statement, one transaction
                    points.insertAll(load.subList(from, Math.min(from + 1_000, load.size())));
                }
                return null;
            });
            long giantMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            // end::giant-transaction[]

            OtherWrite waited = other.get(1, TimeUnit.MINUTES);
            out.printf(Locale.ROOT, "  The big transaction took %d ms; until its COMMIT it held all %,d rows.%n",
                    giantMillis, load.size());
            out.printf(Locale.ROOT, "  The other session's one-row INSERT took %d ms, with %s%s.%n",
                    waited.millis, waited.retries == 1 ? "1 retry" : waited.retries + " retries", waited.sqlStates());
            out.printf(Locale.ROOT, "  In chunks of %,d, each transaction took %d ms on average: the longest anyone"
                    + " waits for a chunk.%n", ChunkedInsertLesson.CHUNK_SIZE,
                    chunked.elapsed().toMillis() / Math.max(1, chunked.chunks()));
        } finally {
            otherSession.shutdownNow();
        }
    }

    /** The other session: writes one point the big transaction is writing too, and times it. */
    private record OtherWrite(long millis, int retries, Set<String> states) {

        static OtherWrite of(Database database, Point point) {
            AtomicInteger retries = new AtomicInteger();
            Set<String> states = new ConcurrentSkipListSet<>();
            RetryExecutor retry = RetryExecutor.builder(database.sessionFactory())
                    .listener(new RetryListener() {
                        @Override
                        public void retrying(int attempt, Duration delay, String sqlState, Throwable cause) {
                            retries.incrementAndGet();
                            states.add(sqlState);
                        }
                    })
                    .build();
            long start = System.nanoTime();
            retry.inIdempotentTransaction(session -> session.getMapper(PointMapper.class).insertAll(List.of(point)));
            return new OtherWrite(Duration.ofNanos(System.nanoTime() - start).toMillis(), retries.get(), states);
        }

        String sqlStates() {
            return states.isEmpty() ? "" : " (SQLSTATE " + String.join(", ", states) + ")";
        }
    }
}
