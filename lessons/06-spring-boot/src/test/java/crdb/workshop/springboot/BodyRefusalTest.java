package crdb.workshop.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.springboot.HttpBank.Answer;
import crdb.workshop.springboot.retry.TransactionRetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** What the API does not define is refused, each with a problem detail that says what; and who can reach it. */
@BankServiceTest
class BodyRefusalTest {

    private final int port;
    private final HttpBank bank;
    private final Books books;
    private UUID alice;
    private UUID bob;

    @Autowired
    BodyRefusalTest(@LocalServerPort int port, TransactionRetry retry, AccountMapper accounts,
            NamedParameterJdbcTemplate jdbc) {
        this.port = port;
        this.bank = new HttpBank(port);
        this.books = new Books(retry, accounts, jdbc);
    }

    @BeforeEach
    void twoAccounts() {
        List<UUID> ids = books.open(1000, 250);
        alice = ids.get(0);
        bob = ids.get(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a string amount      | 'amount':'10'                      | invalid-value   | amount",
        "a fractional amount  | 'amount':1.5                       | invalid-value   | amount",
        "a null amount        | 'amount':null                      | invalid-value   | amount",
        "an unknown field     | 'amount':10,'memo':'rent'          | unknown-field   | memo",
        "a repeated field     | 'amount':10,'amount':1000          | duplicate-field | amount",
        "an id that is a number | 'amount':10,'from':7             | invalid-value   | from"})
    void aBodyTheApiDoesNotDefineIsRefusedWith400SayingWhat(String what, String fields, String type, String field) {
        UUID key = UUID.randomUUID();
        String body = ("{'from':'" + alice + "','to':'" + bob + "'," + fields + "}").replace('\'', '"');
        String bodyWithoutFrom = fields.contains("'from'") ? body.replaceFirst("\"from\":\"[^\"]+\",", "") : body;

        Answer answer = bank.post("/transfers", key.toString(), bodyWithoutFrom);

        assertProblem(answer, 400, type);
        assertThat(answer.body().path("detail").asString()).contains(field).doesNotContain("Failed to read request");
        assertUnchanged(key);
    }

    @Test
    void somethingAfterTheObjectIsRefusedWith400() {
        UUID key = UUID.randomUUID();

        Answer answer = bank.post("/transfers", key.toString(), HttpBank.json(alice, bob, 10) + " {}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemType()).isIn("invalid-value", "invalid-json");
        assertUnchanged(key);
    }

    @Test
    void aBodyThatIsNotJsonSaysWhereItStopsBeingJson() {
        UUID key = UUID.randomUUID();

        Answer answer = bank.post("/transfers", key.toString(), "from=alice&to=bob");

        assertProblem(answer, 400, "invalid-json");
        assertThat(answer.body().path("detail").asString()).contains("line 1");
        assertUnchanged(key);
    }

    @Test
    void noBodyIsRefusedWith400() {
        UUID key = UUID.randomUUID();

        assertProblem(bank.post("/transfers", key.toString(), ""), 400, "missing-body");
        assertUnchanged(key);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        UUID key = UUID.randomUUID();
        String padded = "{\"from\":\"" + alice + "\",\"to\":\"" + bob + "\",\"amount\":10" + " ".repeat(20_000) + "}";

        assertProblem(bank.post("/transfers", key.toString(), padded), 413, "body-too-large");
        assertUnchanged(key);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() throws IOException {
        UUID key = UUID.randomUUID();
        String chunk = " ".repeat(8_000);
        StringBuilder request = new StringBuilder("POST /transfers HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nIdempotency-Key: " + key + "\r\nTransfer-Encoding: chunked\r\n\r\n");
        String start = "{\"from\":\"" + alice + "\",\"to\":\"" + bob + "\",\"amount\":10";
        for (String part : List.of(start, chunk, chunk, chunk, "}")) {
            request.append(Integer.toHexString(part.length())).append("\r\n").append(part).append("\r\n");
        }
        request.append("0\r\n\r\n");

        String answer = rawHttp(request.toString());

        assertThat(answer).startsWith("HTTP/1.1 413").contains("body-too-large");
        assertUnchanged(key);
    }

    @Test
    void theServiceListensOnLoopbackOnly() throws IOException {
        Optional<InetAddress> elsewhere = nonLoopbackAddress();
        Assumptions.assumeTrue(elsewhere.isPresent(), "this machine has no network address besides loopback");

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(elsewhere.get(), port), 2000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    private String rawHttp(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(nic -> {
            try {
                return nic.isUp() && !nic.isLoopback();
            } catch (SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(Inet4Address.class::isInstance).findFirst();
    }

    private static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.problemType()).isEqualTo(type);
        assertThat(answer.body().path("detail").asString()).isNotBlank();
    }

    private void assertUnchanged(UUID key) {
        assertThat(books.balances(List.of(alice, bob))).isEqualTo(Map.of(alice, 1000L, bob, 250L));
        assertThat(books.recorded(key)).isFalse();
    }
}
