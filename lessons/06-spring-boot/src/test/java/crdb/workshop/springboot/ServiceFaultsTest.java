package crdb.workshop.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.zaxxer.hikari.HikariDataSource;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.testing.BackendTerminator;
import crdb.workshop.springboot.HttpBank.Answer;
import crdb.workshop.springboot.retry.TransactionRetry;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Real faults under the service: connections the server ends ({@code pg_terminate_backend}) in the
 * middle of transfers and reads, and a pool with no connection free. A fault is retried as lesson
 * 03 retries it, or answered 503 with Retry-After: never 500, never a "rollback failed" in place of
 * its cause, and the books stay right. PostgreSQL only (CockroachDB's counterpart is CANCEL SESSION).
 */
@BankServiceTest
class ServiceFaultsTest {

    private final HttpBank bank;
    private final Books books;
    private final Database database;

    @Autowired
    ServiceFaultsTest(@LocalServerPort int port, TransactionRetry retry, AccountMapper accounts,
            NamedParameterJdbcTemplate jdbc, Database database) {
        this.bank = new HttpBank(port);
        this.books = new Books(retry, accounts, jdbc);
        this.database = database;
    }

    @BeforeEach
    void onPostgreSql() {
        assumeFalse(database.isCockroachDb(), "pg_terminate_backend is PostgreSQL's");
    }

    @Test
    void transfersWhoseConnectionsAreKilledAreRetriedAndAppliedOnce() throws Exception {
        List<UUID> hot = books.open(1000, 1000);

        HttpLoad.Result run;
        try (BackendTerminator terminator = BackendTerminator.start(database, 5, 150)) {
            run = HttpLoad.run(bank, "/transfers", hot, 4, 60, 11);
            assertThat(terminator.terminations()).as("sessions terminated during the load").isPositive();
        }

        // Killed mid-transfer or mid-COMMIT, every transfer was retried to an answer: none 500, none 503.
        assertThat(run.statuses().keySet()).isSubsetOf(201, 409);
        Map<UUID, Long> balances = books.balances(hot);
        assertThat(balances.values().stream().mapToLong(Long::longValue).sum()).as("total").isEqualTo(2000);
        assertThat(books.transfersOf(hot)).as("one row per 201").isEqualTo(run.count(201));
        Map<UUID, Long> net = books.netFlows(hot);
        assertThat(balances.get(hot.get(0))).isEqualTo(1000 + net.get(hot.get(0)));
    }

    @Test
    void aReadRightAfterItsConnectionsWereKilledAnswersTheBalance() throws Exception {
        UUID account = books.open(750).get(0);
        try (BackendTerminator terminator = BackendTerminator.start(database, 1, 1)) {
            while (terminator.terminations() == 0) {
                Thread.sleep(10);
            }
        }

        Answer answer = bank.get("/accounts/" + account);

        assertThat(answer.status()).as("answer %s", answer.body()).isEqualTo(200);
        assertThat(answer.body().path("balance").asLong()).isEqualTo(750);
    }

    @Test
    void noFreeConnectionAnswers503WithRetryAfterAndWritesNothing() throws Exception {
        List<UUID> ids = books.open(1000, 250);
        HikariDataSource pool = (HikariDataSource) database.dataSource();
        List<Connection> held = new ArrayList<>();
        UUID key = UUID.randomUUID();
        Answer answer;
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                held.add(pool.getConnection());
            }
            answer = bank.transfer(key, ids.get(0), ids.get(1), 100);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }

        assertThat(answer.status()).as("answer %s", answer.body()).isEqualTo(503);
        assertThat(answer.headers().getFirst("Retry-After")).isEqualTo("1");
        assertThat(answer.problemType()).isEqualTo("try-again");
        assertThat(books.recorded(key)).isFalse();
        assertThat(books.balances(ids)).isEqualTo(Map.of(ids.get(0), 1000L, ids.get(1), 250L));
    }
}
