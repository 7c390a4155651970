package crdb.workshop.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mybatis.MyBatisFactory;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.AttemptCounter;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.transfers.TransferDeclinedException.Reason;
import java.sql.SQLException;
import java.util.UUID;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A transfer is applied once however many times it is sent: a second run finds its row in the
 * transfers table and does nothing. The case that matters is a COMMIT that was applied but whose
 * answer was lost: the executor runs the transfer again, and only the row stops it from moving
 * the money twice.
 */
@DatabaseTest
class IdempotentTransferTest {

    private final Bank bank;
    private final AttemptCounter counter = new AttemptCounter();
    private final LostCommitAnswers lossy;
    private final SqlSessionFactory lossySessions;
    private UUID first;
    private UUID second;

    IdempotentTransferTest(Database database) throws SQLException {
        this.bank = new Bank(database);
        this.lossy = new LostCommitAnswers(database.dataSource());
        this.lossySessions = MyBatisFactory.build(lossy);
    }

    @BeforeEach
    void openAccounts() throws SQLException {
        bank.empty();
        first = bank.open(1000);
        second = bank.open(250);
    }

    /** A client whose connections lose the answers to the commits {@link LostCommitAnswers} is told to. */
    private IdempotentTransfers overLossyConnections(String strategy) {
        return new IdempotentTransfers(Bank.fastRetries(lossySessions, counter), Bank.strategy(strategy));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crdb.workshop.transfers.Bank#strategies")
    void aTransferSentTwiceIsAppliedOnce(String strategy) throws SQLException {
        IdempotentTransfers client = bank.client(strategy, counter);
        UUID transferId = UUID.randomUUID();
        Transfer transfer = new Transfer(first, second, 100);

        assertThat(client.transfer(transferId, transfer)).as("first time").isTrue();
        assertThat(client.transfer(transferId, transfer)).as("second time").isFalse();

        assertThat(bank.balances(first, second)).containsExactly(900L, 350L);
        assertThat(bank.transferRows()).isEqualTo(1);
    }

    @Test
    void anIdUsedBeforeForADifferentTransferIsRefused() throws SQLException {
        IdempotentTransfers client = bank.client(Bank.SELECT_FOR_UPDATE, counter);
        UUID transferId = UUID.randomUUID();
        client.transfer(transferId, new Transfer(first, second, 100));

        assertThatThrownBy(() -> client.transfer(transferId, new Transfer(first, second, 200)))
                .isInstanceOfSatisfying(TransferDeclinedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ID_REUSED))
                .hasMessage("Transfer id " + transferId + " was used before, for $100 from " + first + " to " + second
                        + ": give every new transfer a new id.");

        assertThat(bank.balances(first, second)).containsExactly(900L, 350L);
        assertThat(bank.transferRows()).isEqualTo(1);
    }

    // tag::lost-answer[]
    @ParameterizedTest(name = "{0}")
    @MethodSource("crdb.workshop.transfers.Bank#strategies")
    void aCommitAppliedWithItsAnswerLostIsRetriedAndFindsItsRow(String strategy) throws SQLException {
        lossy.loseNext(1);

        boolean movedByTheRetry = overLossyConnections(strategy).transfer(UUID.randomUUID(),
                new Transfer(first, second, 100));

        assertThat(counter.retriedStates).containsExactly("08006"); // no answer to COMMIT: ambiguous, so retried
        assertThat(movedByTheRetry).as("the retry found the row of the first, committed attempt").isFalse();
        assertThat(bank.balances(first, second)).containsExactly(900L, 350L);
        assertThat(bank.transferRows()).isEqualTo(1);
    }
    // end::lost-answer[]

    @Test
    void withoutItsRowTheSameRetryWouldMoveTheMoneyTwice() {
        TransferStrategy strategy = new SelectForUpdateTransfer();
        RetryExecutor retry = Bank.fastRetries(lossySessions, counter);
        lossy.loseNext(1);

        retry.withIsolation(strategy.isolation(retry.databaseId())).inIdempotentTransaction(session -> {
            // declared idempotent, but it is not
            strategy.transfer(session, new Transfer(first, second, 100));
            return null;
        });

        assertThat(counter.retriedStates).containsExactly("08006");
        assertThat(bank.balances(first, second)).as("$100 sent once, moved twice").containsExactly(800L, 450L);
    }
}
