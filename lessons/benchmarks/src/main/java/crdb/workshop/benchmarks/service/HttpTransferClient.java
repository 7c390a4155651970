package crdb.workshop.benchmarks.service;

import crdb.workshop.benchmarks.transfers.load.TransferClient;
import crdb.workshop.transfers.Transfer;
import crdb.workshop.transfers.TransferDeclinedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

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

    private final URL transfers;
    private final int readTimeoutMillis;
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> applied = new ConcurrentHashMap<>();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder wrongReceipts = new LongAdder();

    HttpTransferClient(URI service, Duration requestTimeout) {
        try {
            this.transfers = service.resolve("/transfers").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a URL: " + service, e);
        }
        this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, requestTimeout.toMillis());
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

    /** One request on a kept-alive connection of the JDK's pool (HttpURLConnection: the lightest client it has). */
    private Answer post(UUID key, Transfer transfer) {
        byte[] body = ("{\"from\":\"" + transfer.from() + "\",\"to\":\"" + transfer.to() + "\",\"amount\":"
                + transfer.amount() + "}").getBytes(StandardCharsets.UTF_8);
        try {
            HttpURLConnection connection = (HttpURLConnection) transfers.openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(readTimeoutMillis);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Idempotency-Key", key.toString());
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text;
            try (InputStream read = in == null ? InputStream.nullInputStream() : in) {
                text = new String(read.readAllBytes(), StandardCharsets.UTF_8); // read to the end: the connection is reused
            }
            return new Answer(status, "true".equals(connection.getHeaderField("Idempotent-Replayed")), text);
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
