package crdb.workshop.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.testing.Exercise;
import crdb.workshop.common.testing.Exercises;
import crdb.workshop.common.testing.Todo;
import crdb.workshop.springboot.exercise.RetriedTransaction;
import crdb.workshop.springboot.exercise.RetriedTransactionExercise;
import crdb.workshop.springboot.retry.TransactionRetry;
import crdb.workshop.springboot.solution.RetriedTransactionSolution;
import crdb.workshop.springboot.transfer.Ledger;
import crdb.workshop.springboot.transfer.TransferRequest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exercise 06: TODO-01 and TODO-02 in {@link RetriedTransactionExercise}. Recognise a 40001 that
 * Spring translated (TODO-01), then put the retry around the transaction instead of inside it
 * (TODO-02), so that a COMMIT the database refuses with 40001 is retried with all its work.
 * Run against your code: ./mvnw -q -pl lessons/06-spring-boot -am test-compile exec:java@exercises
 */
@Exercise
@BankServiceTest
class RetriedTransactionTest {

    private final RetriedTransaction exercise =
            Exercises.pick(RetriedTransactionSolution::new, RetriedTransactionExercise::new);

    @Autowired
    private Database database;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private TransactionRetry retry;
    @Autowired
    private Ledger ledger;
    @Autowired
    private AccountMapper accounts;
    @Autowired
    private NamedParameterJdbcTemplate jdbc;

    private CommitFaultsOnTransfers faults;
    private Books books;

    @BeforeEach
    void faultsOnCommit() throws SQLException {
        faults = CommitFaultsOnTransfers.install(database);
        books = new Books(retry, accounts, jdbc);
    }

    @AfterEach
    void noMoreFaults() throws SQLException {
        faults.close();
    }

    @Test
    @Todo(1)
    void retryableFindsThe40001InsideWhatSpringThrows() throws SQLException {
        List<UUID> ids = books.open(1000, 250);
        faults.failNextCommits("40001", 1);

        Throwable failure = catchThrowable(() -> transactions.executeWithoutResult(status ->
                ledger.record(UUID.randomUUID(), new TransferRequest(ids.get(0), ids.get(1), 100))));

        assertThat(failure).as("what the failed COMMIT threw").isNotNull();
        assertThat(exercise.retryable(failure)).as("retryable(%s)", failure).isTrue();
        assertThat(exercise.retryable(new IllegalStateException("not the database's"))).isFalse();
    }

    @Test
    @Todo(2)
    void aCommitThatFailsWith40001IsRetriedWithAllItsWork() throws SQLException {
        RetryTemplate retries = new RetryTemplate(RetryPolicy.builder()
                .predicate(exercise::retryable).maxRetries(5).delay(Duration.ofMillis(10)).build());
        TransferContract contract = new TransferContract(books, faults);

        contract.aCommitThatFailsWith40001IsRetried((key, transfer) ->
                exercise.run(retries, transactions, () -> ledger.record(key, transfer)));
    }
}
