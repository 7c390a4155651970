package crdb.workshop.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.AmbiguousCommitException;
import crdb.workshop.common.retry.FailureClassifier;
import crdb.workshop.springboot.HttpBank.Answer;
import crdb.workshop.springboot.retry.TransactionRetry;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lesson 03's retry rules, kept by the Spring service: COMMITs made to fail on the real server
 * with the SQLSTATE each rule is about, counted by the server and by the service's metrics.
 */
@BankServiceTest
class RetryRulesTest {

    @Autowired
    private Database database;
    @Autowired
    private TransactionRetry retry;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private AccountMapper accounts;
    @Autowired
    private NamedParameterJdbcTemplate jdbc;
    @LocalServerPort
    private int port;

    private CommitFaultsOnTransfers faults;
    private HttpBank bank;
    private Books books;
    private List<UUID> ids;

    @BeforeEach
    void twoAccountsAndFaultsOnCommit() throws SQLException {
        faults = CommitFaultsOnTransfers.install(database);
        bank = new HttpBank(port);
        books = new Books(retry, accounts, jdbc);
        ids = books.open(1000, 250);
    }

    @AfterEach
    void noMoreFaults() throws SQLException {
        faults.close();
    }

    // tag::translated[]
    @Test
    void a40001IsRecognisedBySqlStateWhateverTypeSpringTranslatedItInto() throws SQLException {
        faults.failNextCommits("40001", 1);

        Throwable failure = catchThrowable(() -> transactions.executeWithoutResult(status ->
                jdbc.update("INSERT INTO transfers (id, from_id, to_id, amount) VALUES (:id, :from, :to, 1)",
                        Map.of("id", UUID.randomUUID(), "from", ids.get(0), "to", ids.get(1)))));

        assertThat(failure).isInstanceOf(DataAccessException.class).isNotInstanceOf(SQLException.class);
        assertThat(FailureClassifier.sqlState(failure)).isEqualTo("40001");
        assertThat(TransactionRetry.retryable(failure)).isTrue();
    }
    // end::translated[]

    @Test
    void a40001AtCommitIsRetriedAndCountedInTheMetrics() throws SQLException {
        double before = Metrics.count(bank, "bank.transaction.retries", "sqlstate:40001");
        faults.failNextCommits("40001", 2);

        Answer answer = bank.transfer(UUID.randomUUID(), ids.get(0), ids.get(1), 100);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(faults.commitAttempts()).isEqualTo(3);
        assertThat(books.balances(ids)).isEqualTo(Map.of(ids.get(0), 900L, ids.get(1), 350L));
        assertThat(Metrics.count(bank, "bank.transaction.retries", "sqlstate:40001") - before).isEqualTo(2);
    }

    @Test
    void aCommitWithAnUnknownOutcomeIsNotRetriedForWorkThatIsNotIdempotent() throws SQLException {
        faults.failNextCommits("40003", 1); // CockroachDB's "result is ambiguous"
        UUID id = UUID.randomUUID();

        Throwable failure = catchThrowable(() -> retry.inTransaction(() ->
                jdbc.update("INSERT INTO transfers (id, from_id, to_id, amount) VALUES (:id, :from, :to, 1)",
                        Map.of("id", id, "from", ids.get(0), "to", ids.get(1)))));

        assertThat(failure).isInstanceOf(AmbiguousCommitException.class);
        assertThat(FailureClassifier.sqlState(failure)).isEqualTo("40003");
        assertThat(faults.commitAttempts()).as("COMMITs tried").isEqualTo(1);
    }

    @Test
    void aCommitWithAnUnknownOutcomeIsRetriedForTheIdempotentTransfer() throws SQLException {
        faults.failNextCommits("40003", 1);
        UUID key = UUID.randomUUID();

        Answer answer = bank.transfer(key, ids.get(0), ids.get(1), 100);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(faults.commitAttempts()).isEqualTo(2);
        assertThat(books.balances(ids)).isEqualTo(Map.of(ids.get(0), 900L, ids.get(1), 350L));
        assertThat(books.transfersOf(ids)).isEqualTo(1);
    }

    @Test
    void whenTheRetriesRunOutTheAnswerIs503AndTheSameRequestCanBeSentAgain() throws SQLException {
        faults.failNextCommits("40001", 1000);
        UUID key = UUID.randomUUID();

        Answer busy = bank.transfer(key, ids.get(0), ids.get(1), 100);

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.headers().getFirst("Retry-After")).isEqualTo("1");
        assertThat(busy.problemType()).isEqualTo("try-again");
        assertThat(faults.commitAttempts()).as("attempts: the first and 15 retries").isEqualTo(16);
        assertThat(books.balances(ids)).isEqualTo(Map.of(ids.get(0), 1000L, ids.get(1), 250L));

        faults.failNextCommits("40001", 0);
        assertThat(bank.transfer(key, ids.get(0), ids.get(1), 100).status()).isEqualTo(201);
        assertThat(books.balances(ids)).isEqualTo(Map.of(ids.get(0), 900L, ids.get(1), 350L));
    }

    @Test
    void aRefusalIsNeverRetried() {
        double before = Metrics.count(bank, "bank.transaction.retries");

        Answer answer = bank.transfer(UUID.randomUUID(), ids.get(1), ids.get(0), 1000);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(Metrics.count(bank, "bank.transaction.retries") - before).as("retries").isZero();
    }
}
