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

    static void demonstrate(Database database, PrintStream out, ChunkedWriteReport chunked) throws Exception {
        out.println("One transaction for " + String.format("%,d", ChunkedInsertLesson.POINTS)
                + " points, while another session writes the first of them:");
        List<Point> load = Points.generate("giant", ChunkedInsertLesson.POINTS);
        CountDownLatch firstPointWritten = new CountDownLatch(1);
        ExecutorService otherSession = Executors.newSingleThreadExecutor();
        try {
            Future<OtherWrite> other = otherSession.submit(() -> {
                firstPointWritten.await();
                return OtherWrite.of(database, load.get(0));
            });

            // tag::giant-transaction[]
            long start = System.nanoTime();
            RetryExecutor.withDefaults(database.sessionFactory()).useTransaction(session -> {
                PointMapper points = session.getMapper(PointMapper.class);
                points.insertAll(load.subList(0, 1));
                firstPointWritten.countDown(); // a latch opens once; a retry cannot open it twice
                for (int from = 1; from < load.size(); from += ChunkedInsertLesson.CHUNK_SIZE) {
                    points.insertAll(load.subList(from, Math.min(from + ChunkedInsertLesson.CHUNK_SIZE, load.size())));
                }
            });
            long giantMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            // end::giant-transaction[]

            OtherWrite waited = other.get(1, TimeUnit.MINUTES);
            out.println("  The big transaction took " + giantMillis + " ms; until its COMMIT it held all "
                    + String.format("%,d", load.size()) + " rows.");
            out.println("  The other session's one-row INSERT took " + waited.millis + " ms, with "
                    + (waited.retries == 1 ? "1 retry" : waited.retries + " retries") + waited.sqlStates() + ".");
            out.println("  In chunks of " + String.format("%,d", ChunkedInsertLesson.CHUNK_SIZE)
                    + ", each transaction took " + chunked.elapsed().toMillis() / Math.max(1, chunked.chunks())
                    + " ms on average: the longest anyone waits for a chunk.");
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
            retry.useTransaction(session -> session.getMapper(PointMapper.class).insertAll(List.of(point)));
            return new OtherWrite(Duration.ofNanos(System.nanoTime() - start).toMillis(), retries.get(), states);
        }

        String sqlStates() {
            return states.isEmpty() ? "" : " (SQLSTATE " + String.join(", ", states) + ")";
        }
    }
}
