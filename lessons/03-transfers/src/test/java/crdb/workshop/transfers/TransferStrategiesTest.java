package crdb.workshop.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.AttemptCounter;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.transfers.TransferDeclinedException.Reason;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each strategy, through IdempotentTransfers (MyBatis) and through its JDBC baseline, moves money
 * and records the transfer, and refuses bad transfers as part 1 does: one clear message, one
 * attempt, and nothing written, neither to the balances nor to the transfers table.
 */
@DatabaseTest
class TransferStrategiesTest {

    private final Bank bank;
    private final AttemptCounter counter = new AttemptCounter();
    private UUID first;
    private UUID second;

    TransferStrategiesTest(Database database) {
        this.bank = new Bank(database);
    }

    @BeforeEach
    void openAccounts() throws SQLException {
        bank.empty();
        first = bank.open(1000);
        second = bank.open(250);
    }

    private void assertNothingWritten() throws SQLException {
        assertThat(bank.balances(first, second)).containsExactly(1000L, 250L);
        assertThat(bank.accounts()).as("accounts").isEqualTo(2);
        assertThat(bank.transferRows()).as("rows in the transfers table").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crdb.workshop.transfers.Bank#strategies")
    void transferMovesMoneyAndRecordsItOnce(String strategy) throws SQLException {
        IdempotentTransfers client = bank.client(strategy, counter);

        assertThat(client.transfer(UUID.randomUUID(), new Transfer(first, second, 100))).isTrue();

        assertThat(bank.balances(first, second)).containsExactly(900L, 350L);
        assertThat(bank.transferRows()).isEqualTo(1);
        assertThat(counter.attempts).hasValue(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crdb.workshop.transfers.Bank#strategies")
    void theWholeBalanceCanBeTransferredEitherWay(String strategy) {
        IdempotentTransfers client = bank.client(strategy, counter);

        client.transfer(UUID.randomUUID(), new Transfer(second, first, 250));
        client.transfer(UUID.randomUUID(), new Transfer(first, second, 1250));

        assertThat(bank.balances(first, second)).containsExactly(0L, 1250L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crdb.workshop.transfers.Bank#strategies")
    void badAmountsAndTheSameAccountTwiceAreRefusedBeforeAnyTransaction(String strategy)
            throws SQLException {
        IdempotentTransfers client = bank.client(strategy, counter);

        assertThatThrownBy(() -> client.transfer(UUID.randomUUID(), new Transfer(first, second, 0)))
                .isInstanceOf(WorkshopException.class)
                .hasMessage("Cannot transfer $0: the amount must be a positive number of dollars.");
        assertThatThrownBy(() -> client.transfer(UUID.randomUUID(), new Transfer(first, second, -100)))
                .isInstanceOf(WorkshopException.class).hasMessageStartingWith("Cannot transfer $-100:");
        assertThatThrownBy(() -> client.transfer(UUID.randomUUID(), new Transfer(first, first, 100)))
                .isInstanceOf(WorkshopException.class)
                .hasMessage("Cannot transfer from account " + first + " to itself: pick two different accounts.");

        assertThat(counter.attempts).hasValue(0);
        assertNothingWritten();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crdb.workshop.transfers.Bank#strategies")
    void anUnknownSourceIsRefusedAndNothingWritten(String strategy) throws SQLException {
        UUID nobody = UUID.randomUUID();

        assertThatThrownBy(() -> bank.client(strategy, counter)
                .transfer(UUID.randomUUID(), new Transfer(nobody, second, 100)))
                .isInstanceOfSatisfying(TransferDeclinedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SOURCE))
                .hasMessage("No account " + nobody + " to transfer from: check the id.");

        assertThat(counter.attempts).hasValue(1);
        assertNothingWritten();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crdb.workshop.transfers.Bank#strategies")
    void anUnknownTargetIsRefusedNoRowInventedAndNothingWritten(String strategy) throws SQLException {
        // The seed's UPSERT created the missing account; the single statement must not.
        UUID nobody = UUID.randomUUID();

        assertThatThrownBy(() -> bank.client(strategy, counter)
                .transfer(UUID.randomUUID(), new Transfer(first, nobody, 100)))
                .isInstanceOfSatisfying(TransferDeclinedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_TARGET))
                .hasMessage("No account " + nobody + " to transfer to: check the id.");

        assertThat(counter.attempts).hasValue(1);
        assertNothingWritten(); // the debit of the first account was rolled back
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crdb.workshop.transfers.Bank#strategies")
    void insufficientFundsAreRefusedAndNothingWritten(String strategy) throws SQLException {
        assertThatThrownBy(() -> bank.client(strategy, counter)
                .transfer(UUID.randomUUID(), new Transfer(second, first, 251)))
                .isInstanceOfSatisfying(TransferDeclinedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INSUFFICIENT_FUNDS))
                .hasMessage("Insufficient funds in account " + second + ": balance $250, transfer $251.");

        assertThat(counter.attempts).hasValue(1);
        assertNothingWritten();
    }
}
