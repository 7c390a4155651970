package crdb.workshop.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.springboot.HttpBank.Answer;
import crdb.workshop.springboot.retry.TransactionRetry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A client that sends every transfer twice, as one that never got the first answer would: once
 * after the other, and at the same moment from two connections. Every transfer is applied once.
 */
@BankServiceTest
class LostAnswerClientTest {

    private static final int CLIENTS = 4;
    private static final int TRANSFERS_EACH = 50;

    private final HttpBank bank;
    private final Books books;

    @Autowired
    LostAnswerClientTest(@LocalServerPort int port, TransactionRetry retry, AccountMapper accounts,
            NamedParameterJdbcTemplate jdbc) {
        this.bank = new HttpBank(port);
        this.books = new Books(retry, accounts, jdbc);
    }

    @Test
    void everyTransferSentTwiceIsAppliedOnce() throws Exception {
        List<UUID> hot = books.open(1_000_000, 1_000_000, 1_000_000);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Sent>>> sent = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            SplittableRandom random = new SplittableRandom(c);
            boolean together = c % 2 == 0; // half the clients send both copies at once
            sent.add(clients.submit(() -> client(hot, random, together)));
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.MINUTES)).as("clients finished").isTrue();

        Map<UUID, Long> expected = new HashMap<>(Map.of(hot.get(0), 1_000_000L, hot.get(1), 1_000_000L,
                hot.get(2), 1_000_000L));
        for (Future<List<Sent>> client : sent) {
            for (Sent transfer : client.get()) {
                // Both copies answered 201 with the same receipt, and exactly one of them moved the money.
                assertThat(transfer.first().status()).isEqualTo(201);
                assertThat(transfer.second().status()).isEqualTo(201);
                assertThat(transfer.second().body()).isEqualTo(transfer.first().body());
                assertThat(List.of(replayed(transfer.first()), replayed(transfer.second())))
                        .containsExactlyInAnyOrder("true", "false");
                expected.merge(transfer.from(), -transfer.amount(), Long::sum);
                expected.merge(transfer.to(), transfer.amount(), Long::sum);
            }
        }
        assertThat(books.balances(hot)).isEqualTo(expected);
        assertThat(books.transfersOf(hot)).isEqualTo(CLIENTS * TRANSFERS_EACH);
    }

    private record Sent(UUID from, UUID to, long amount, Answer first, Answer second) {
    }

    private List<Sent> client(List<UUID> accounts, SplittableRandom random, boolean together) throws Exception {
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < TRANSFERS_EACH; i++) {
            int from = random.nextInt(accounts.size());
            UUID source = accounts.get(from);
            UUID target = accounts.get((from + 1 + random.nextInt(accounts.size() - 1)) % accounts.size());
            long amount = 1 + random.nextInt(100);
            UUID key = UUID.randomUUID();
            Answer first;
            Answer second;
            if (together) {
                CompletableFuture<Answer> copy = CompletableFuture.supplyAsync(
                        () -> bank.transfer(key, source, target, amount));
                first = bank.transfer(key, source, target, amount);
                second = copy.get(5, TimeUnit.MINUTES);
            } else {
                first = bank.transfer(key, source, target, amount); // its answer "lost"...
                second = bank.transfer(key, source, target, amount); // ...so the client sends it again
            }
            sent.add(new Sent(source, target, amount, first, second));
        }
        return sent;
    }

    private static String replayed(Answer answer) {
        return answer.headers().getFirst("Idempotent-Replayed");
    }
}
