package crdb.workshop.benchmarks.service;

import crdb.workshop.benchmarks.transfers.load.TransferClient;
import crdb.workshop.transfers.Transfer;
import crdb.workshop.transfers.TransferDeclinedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * POST /transfers, as a client of lesson 06's service, with the planned transfer's id as its
 * Idempotency-Key. Counts every answer by HTTP status, and, per key, the answers that say this
 * request moved the money (201 without {@code Idempotent-Replayed: true}): never more than one
 * per key. A 503 (the service gave up retrying) is sent again with the same key, as a client of an
 * idempotent API should, up to {@link #RESENDS_AFTER_503} times.
 */
final class HttpTransferClient implements TransferClient {

    static final int RESENDS_AFTER_503 = 3;

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final CloseableHttpClient http;
    private final URI transfers;
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> applied = new ConcurrentHashMap<>();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder wrongReceipts = new LongAdder();

    HttpTransferClient(CloseableHttpClient http, URI service) {
        this.http = http;
        this.transfers = service.resolve("/transfers");
    }

    /**
     * The clients' connection pool: one kept-alive connection per client, no retry of its own (a
     * resend is this class's decision, counted), and {@code requestTimeout} to wait for an answer.
     */
    static CloseableHttpClient pool(int clients, Duration requestTimeout) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(clients)
                .setMaxConnPerRoute(clients)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(CONNECT_TIMEOUT_MILLIS))
                        .setSocketTimeout(Timeout.of(requestTimeout))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    @Override
    public boolean transfer(UUID transferId, Transfer transfer) {
        for (int sent = 1; ; sent++) {
            Answer answer = post(transferId, transfer);
            statuses.computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
            switch (answer.status()) {
                case 201 -> {
                    if (!answer.body().contains(transferId.toString())) {
                        wrongReceipts.increment();
                    }
                    boolean replay = answer.replayed();
                    if (replay) {
                        replayed.increment();
                    } else {
                        applied.computeIfAbsent(transferId, id -> new AtomicInteger()).incrementAndGet();
                    }
                    return !replay;
                }
                case 409 -> throw TransferDeclinedException.insufficientFunds(transfer, -1);
                case 404 -> throw TransferDeclinedException.unknownSource(transfer);
                case 503 -> {
                    if (sent > RESENDS_AFTER_503) {
                        throw new IllegalStateException("POST /transfers answered 503 " + sent + " times");
                    }
                }
                default -> throw new IllegalStateException("POST /transfers answered " + answer.status());
            }
        }
    }

    /**
     * One request on a kept-alive connection of the pool, as an API client sends it: asking for
     * JSON, with headers and body in one write (the JDK's HttpURLConnection flushes its headers
     * first, and the service then waits for the body in a second read).
     */
    private Answer post(UUID key, Transfer transfer) {
        String body = "{\"from\":\"" + transfer.from() + "\",\"to\":\"" + transfer.to() + "\",\"amount\":"
                + transfer.amount() + "}";
        ClassicHttpRequest request = ClassicRequestBuilder.post(transfers)
                .setHeader(HttpHeaders.ACCEPT, "application/json")
                .setHeader("Idempotency-Key", key.toString())
                .setEntity(body, ContentType.APPLICATION_JSON)
                .build();
        try {
            return http.execute(request, response -> {
                Header replayed = response.getFirstHeader("Idempotent-Replayed");
                String text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
                return new Answer(response.getCode(), replayed != null && "true".equals(replayed.getValue()), text);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Answer(int status, boolean replayed, String body) {
    }

    /** What the service answered, each request sent counted once. */
    Answers answers(Set<UUID> resentKeys) {
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, n) -> byStatus.put(status, n.sum()));
        long appliedTwice = applied.values().stream().filter(n -> n.get() > 1).count();
        long resentApplied = resentKeys.stream().filter(applied::containsKey).count();
        return new Answers(byStatus, replayed.sum(), wrongReceipts.sum(), appliedTwice, resentApplied);
    }

    /**
     * @param byStatus      every answer, by HTTP status
     * @param replayed      201s with {@code Idempotent-Replayed: true}: a key sent before, nothing moved
     * @param wrongReceipts 201s whose receipt did not name the request's key
     * @param appliedTwice  keys for which more than one answer said the money moved (must be 0)
     * @param resentApplied keys sent twice whose money moved (once, by one of the two)
     */
    record Answers(Map<Integer, Long> byStatus, long replayed, long wrongReceipts, long appliedTwice,
            long resentApplied) {

        static final Answers NONE = new Answers(Map.of(), 0, 0, 0, 0);

        Answers plus(Answers other) {
            Map<Integer, Long> sum = new TreeMap<>(byStatus);
            other.byStatus.forEach((status, n) -> sum.merge(status, n, Long::sum));
            return new Answers(sum, replayed + other.replayed, wrongReceipts + other.wrongReceipts,
                    appliedTwice + other.appliedTwice, resentApplied + other.resentApplied);
        }

        long count(int status) {
            return byStatus.getOrDefault(status, 0L);
        }
    }
}
