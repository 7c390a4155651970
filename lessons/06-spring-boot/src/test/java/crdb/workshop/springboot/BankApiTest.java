package crdb.workshop.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.springboot.HttpBank.Answer;
import crdb.workshop.springboot.retry.TransactionRetry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Every answer of the HTTP API, and what each one wrote (a refusal: nothing). */
@BankServiceTest
class BankApiTest {

    private final HttpBank bank;
    private final Books books;
    private UUID alice;
    private UUID bob;

    @Autowired
    BankApiTest(@LocalServerPort int port, TransactionRetry retry, AccountMapper accounts,
            NamedParameterJdbcTemplate jdbc) {
        this.bank = new HttpBank(port);
        this.books = new Books(retry, accounts, jdbc);
    }

    @BeforeEach
    void twoAccounts() {
        List<UUID> ids = books.open(1000, 250);
        alice = ids.get(0);
        bob = ids.get(1);
    }

    @Test
    void aTransferMovesTheMoneyAndAnswers201WithItsReceipt() {
        UUID key = UUID.randomUUID();

        Answer answer = bank.transfer(key, alice, bob, 100);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.headers().getFirst("Idempotent-Replayed")).isEqualTo("false");
        assertThat(answer.body().path("transferId").asString()).isEqualTo(key.toString());
        assertThat(answer.body().path("amount").asLong()).isEqualTo(100);
        assertThat(books.balances(List.of(alice, bob))).isEqualTo(Map.of(alice, 900L, bob, 350L));
        assertThat(books.recorded(key)).isTrue();
    }

    @Test
    void theSameKeyAndBodyAgainAnswersTheFirstReceiptAndMovesNothing() {
        UUID key = UUID.randomUUID();
        Answer first = bank.transfer(key, alice, bob, 100);

        Answer again = bank.transfer(key, alice, bob, 100);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(books.balances(List.of(alice, bob))).isEqualTo(Map.of(alice, 900L, bob, 350L));
        assertThat(books.transfersOf(List.of(alice, bob))).isEqualTo(1);
    }

    @Test
    void aKeyQuotedAsTheIdempotencyKeyDraftWritesItIsTheSameKey() {
        UUID key = UUID.randomUUID();
        bank.transfer(key, alice, bob, 100);

        Answer quoted = bank.post("/transfers", "\"" + key + "\"", HttpBank.json(alice, bob, 100));

        assertThat(quoted.status()).isEqualTo(201);
        assertThat(quoted.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(books.balance(alice)).isEqualTo(900);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422AndChangesNothing() {
        UUID key = UUID.randomUUID();
        bank.transfer(key, alice, bob, 100);

        Answer reused = bank.transfer(key, alice, bob, 200);

        assertProblem(reused, 422, "key-reused");
        assertThat(books.balances(List.of(alice, bob))).isEqualTo(Map.of(alice, 900L, bob, 350L));
        assertThat(books.transfersOf(List.of(alice, bob))).isEqualTo(1);
    }

    @Test
    void anUnknownSourceIsRefusedWith404AndChangesNothing() {
        UUID nobody = UUID.randomUUID();
        UUID key = UUID.randomUUID();

        Answer answer = bank.transfer(key, nobody, bob, 100);

        assertProblem(answer, 404, "unknown-account");
        assertThat(answer.body().path("account").asString()).isEqualTo(nobody.toString());
        assertUnchanged(key);
    }

    @Test
    void anUnknownTargetIsRefusedWith404AndTheDebitRolledBack() {
        UUID nobody = UUID.randomUUID();
        UUID key = UUID.randomUUID();

        Answer answer = bank.transfer(key, alice, nobody, 100);

        assertProblem(answer, 404, "unknown-account");
        assertThat(answer.body().path("account").asString()).isEqualTo(nobody.toString());
        assertUnchanged(key);
    }

    @Test
    void insufficientFundsAreRefusedWith409AndChangeNothing() {
        UUID key = UUID.randomUUID();

        Answer answer = bank.transfer(key, bob, alice, 251);

        assertProblem(answer, 409, "insufficient-funds");
        assertUnchanged(key);
    }

    @Test
    void aRefusedTransferLeavesItsKeyFreeForTheNextTry() {
        UUID key = UUID.randomUUID();
        bank.transfer(key, bob, alice, 251);

        Answer retried = bank.transfer(key, bob, alice, 250);

        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.headers().getFirst("Idempotent-Replayed")).isEqualTo("false");
        assertThat(books.balances(List.of(alice, bob))).isEqualTo(Map.of(alice, 1250L, bob, 0L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "1.5", "\"ten\"", "99999999999999999999"})
    void anInvalidAmountIsRefusedWith400AndChangesNothing(String amount) {
        UUID key = UUID.randomUUID();
        String body = "{\"from\":\"" + alice + "\",\"to\":\"" + bob + "\",\"amount\":" + amount + "}";

        Answer answer = bank.post("/transfers", key.toString(), body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertUnchanged(key);
    }

    @Test
    void aMissingAmountIsRefusedWith400() {
        UUID key = UUID.randomUUID();

        Answer answer = bank.post("/transfers", key.toString(), "{\"from\":\"" + alice + "\",\"to\":\"" + bob + "\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertUnchanged(key);
    }

    @Test
    void aZeroAmountIsRefusedAsAnInvalidAmount() {
        UUID key = UUID.randomUUID();

        assertProblem(bank.transfer(key, alice, bob, 0), 400, "invalid-amount");
        assertUnchanged(key);
    }

    @Test
    void aTransferToTheSameAccountIsRefusedWith400() {
        UUID key = UUID.randomUUID();

        assertProblem(bank.transfer(key, alice, alice, 100), 400, "same-account");
        assertUnchanged(key);
    }

    @Test
    void aMissingIdempotencyKeyIsRefusedWith400() {
        Answer answer = bank.post("/transfers", null, HttpBank.json(alice, bob, 100));

        assertProblem(answer, 400, "missing-key");
        assertThat(books.balances(List.of(alice, bob))).isEqualTo(Map.of(alice, 1000L, bob, 250L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "  "})
    void anIdempotencyKeyThatIsNotAUuidIsRefusedWith400(String key) {
        Answer answer = bank.post("/transfers", key, HttpBank.json(alice, bob, 100));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemType()).isIn("invalid-key", "missing-key");
        assertThat(books.balances(List.of(alice, bob))).isEqualTo(Map.of(alice, 1000L, bob, 250L));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith400() {
        UUID key = UUID.randomUUID();

        Answer answer = bank.post("/transfers", key.toString(), "from=alice&to=bob");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertUnchanged(key);
    }

    @Test
    void anAccountAnswersItsBalance() {
        Answer answer = bank.get("/accounts/" + alice);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("id").asString()).isEqualTo(alice.toString());
        assertThat(answer.body().path("balance").asLong()).isEqualTo(1000);
    }

    @Test
    void anUnknownAccountAnswers404() {
        UUID nobody = UUID.randomUUID();

        assertProblem(bank.get("/accounts/" + nobody), 404, "unknown-account");
    }

    @Test
    void anAccountIdThatIsNotAUuidAnswers400() {
        Answer answer = bank.get("/accounts/alice");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyAnswerIsSentWholeWithItsLengthNotInChunks() {
        List<Answer> answers = List.of(
                bank.transfer(UUID.randomUUID(), alice, bob, 100),
                bank.transfer(UUID.randomUUID(), bob, alice, 1_000_000),
                bank.post("/transfers", UUID.randomUUID().toString(), "{not json"),
                bank.get("/accounts/" + alice),
                bank.get("/accounts/" + UUID.randomUUID()));

        assertThat(answers).extracting(Answer::status).containsExactly(201, 409, 400, 200, 404);
        for (Answer answer : answers) {
            assertThat(answer.headers().getFirst(HttpHeaders.TRANSFER_ENCODING)).as("answer %s", answer.body()).isNull();
            assertThat(answer.headers().getContentLength()).as("answer %s", answer.body())
                    .isPositive().isEqualTo(answer.bodyBytes());
        }
    }

    private static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("status").asInt()).isEqualTo(status);
        assertThat(answer.problemType()).isEqualTo(type);
        assertThat(answer.body().path("detail").asString()).isNotBlank();
    }

    /** The refused request wrote nothing: both balances as opened, no transfer row under its key. */
    private void assertUnchanged(UUID key) {
        assertThat(books.balances(List.of(alice, bob))).isEqualTo(Map.of(alice, 1000L, bob, 250L));
        assertThat(books.recorded(key)).isFalse();
        assertThat(books.transfersOf(List.of(alice, bob))).isZero();
    }
}
