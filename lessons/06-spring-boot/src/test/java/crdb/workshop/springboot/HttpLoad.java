package crdb.workshop.springboot;

import crdb.workshop.springboot.HttpBank.Answer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Concurrent clients sending transfers over HTTP between a few hot accounts, each transfer under a
 * new Idempotency-Key. A client that gets a 503 ("try again") sends the same request again, as a
 * client of an idempotent API should, up to five times. Bounded in count; the wait for the clients
 * is generous and only stops a run that hangs.
 */
final class HttpLoad {

    /** What a run did: the answers' statuses, their latencies, and how long it took. */
    record Result(Map<Integer, Integer> statuses, List<Long> latenciesNanos, long elapsedNanos, int resent) {

        int count(int status) {
            return statuses.getOrDefault(status, 0);
        }

        double perSecond(int status) {
            return count(status) / (elapsedNanos / 1e9);
        }

        /** The latency below which {@code percent}% of the requests answered, in milliseconds. */
        double percentileMillis(double percent) {
            List<Long> sorted = new ArrayList<>(latenciesNanos);
            Collections.sort(sorted);
            int index = (int) Math.ceil(percent / 100 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index)) / 1e6;
        }
    }

    private HttpLoad() {
    }

    static Result run(HttpBank bank, String path, List<UUID> accounts, int clients, int transfersEach, long seed)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<long[]>>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(seed + c);
            futures.add(pool.submit(() -> client(bank, path, accounts, transfersEach, random)));
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("the load run did not finish in 30 minutes");
        }
        long elapsed = System.nanoTime() - start;
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Long> latencies = new ArrayList<>();
        int resent = 0;
        for (Future<List<long[]>> future : futures) {
            for (long[] request : future.get()) {
                statuses.merge((int) request[0], 1, Integer::sum);
                latencies.add(request[1]);
                resent += (int) request[2];
            }
        }
        return new Result(statuses, latencies, elapsed, resent);
    }

    /** One client: {status, latency, resent} per transfer; the status is the last answer's. */
    private static List<long[]> client(HttpBank bank, String path, List<UUID> accounts, int transfers,
            SplittableRandom random) {
        List<long[]> requests = new ArrayList<>();
        for (int i = 0; i < transfers; i++) {
            int from = random.nextInt(accounts.size());
            int to = (from + 1 + random.nextInt(accounts.size() - 1)) % accounts.size();
            String key = UUID.randomUUID().toString();
            String body = HttpBank.json(accounts.get(from), accounts.get(to), 1 + random.nextInt(100));
            long begin = System.nanoTime();
            Answer answer = bank.post(path, key, body);
            int resent = 0;
            while (answer.status() == 503 && resent < 5) {
                resent++;
                answer = bank.post(path, key, body);
            }
            requests.add(new long[] {answer.status(), System.nanoTime() - begin, resent});
        }
        return requests;
    }
}
