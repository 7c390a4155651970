package crdb.workshop.crud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.retry.TransactionCallback;
import crdb.workshop.common.testing.DatabaseTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transfers on the real database: money moves and is kept, and a refusal writes nothing. */
@DatabaseTest
class BalanceTransferTest {

    private final Database database;
    private final RetryExecutor retry;
    private final Account alice = new Account(UUID.randomUUID(), 801);
    private final Account bob = new Account(UUID.randomUUID(), 150);
    private final Account carol = new Account(UUID.randomUUID(), 40);

    BalanceTransferTest(Database database) {
        this.database = database;
        this.retry = RetryExecutor.withDefaults(database.sessionFactory());
    }

    @BeforeEach
    void threeAccounts() {
        BankState.clear(database);
        BankState.insert(database, List.of(alice, bob, carol));
    }

    @Test
    void transferMovesTheAmountAndKeepsTheTotal() {
        CompletedTransfer transfer = retry.inTransaction(
                session -> BalanceTransfer.transfer(session, alice.id(), bob.id(), 300));

        assertThat(transfer).isEqualTo(new CompletedTransfer(alice, bob, 300));
        assertThat(BankState.balances(database))
                .isEqualTo(Map.of(alice.id(), 501L, bob.id(), 450L, carol.id(), 40L));
        assertThat(BankState.total(database)).isEqualTo(801 + 150 + 40);
    }

    @Test
    void transferHalfMovesHalfTheSourceBalanceRoundedDown() {
        CompletedTransfer transfer = retry.inTransaction(
                session -> BalanceTransfer.transferHalf(session, alice.id(), carol.id()));

        assertThat(transfer.amount()).isEqualTo(400);
        assertThat(BankState.balances(database)).containsEntry(alice.id(), 401L).containsEntry(carol.id(), 440L);
    }

    @Test
    void transferOfTheWholeBalanceIsAllowed() {
        retry.inTransaction(session -> BalanceTransfer.transfer(session, carol.id(), bob.id(), 40));

        assertThat(BankState.balances(database)).containsEntry(carol.id(), 0L).containsEntry(bob.id(), 190L);
    }

    @Test
    void transferOfMoreThanTheBalanceIsRefusedAndWritesNothing() {
        Map<UUID, Long> before = BankState.balances(database);

        assertRefused(session -> BalanceTransfer.transfer(session, carol.id(), bob.id(), 41))
                .hasMessageContaining("Insufficient funds")
                .hasMessageContaining(carol.id().toString())
                .hasMessageContaining("has 40");
        assertThat(BankState.balances(database)).isEqualTo(before);
    }

    @Test
    void transferFromAMissingAccountIsRefusedAndWritesNothing() {
        UUID missing = UUID.randomUUID();
        Map<UUID, Long> before = BankState.balances(database);

        assertRefused(session -> BalanceTransfer.transfer(session, missing, bob.id(), 1))
                .hasMessageStartingWith("No account with id " + missing);
        assertThat(BankState.balances(database)).isEqualTo(before);
    }

    @Test
    void transferToAMissingAccountIsRefusedAndWritesNothing() {
        UUID missing = UUID.randomUUID();
        Map<UUID, Long> before = BankState.balances(database);

        assertRefused(session -> BalanceTransfer.transferHalf(session, alice.id(), missing))
                .hasMessageStartingWith("No account with id " + missing);
        assertThat(BankState.balances(database)).isEqualTo(before);
    }

    @Test
    void transferToTheSameAccountIsRefusedInsteadOfCreatingMoney() {
        Map<UUID, Long> before = BankState.balances(database);

        assertRefused(session -> BalanceTransfer.transferHalf(session, alice.id(), alice.id()))
                .hasMessageContaining("to itself");
        assertThat(BankState.balances(database)).isEqualTo(before);
    }

    @Test
    void transferOfANegativeAmountIsRefusedAndWritesNothing() {
        Map<UUID, Long> before = BankState.balances(database);

        assertRefused(session -> BalanceTransfer.transfer(session, carol.id(), alice.id(), -500))
                .hasMessageContaining("negative");
        assertThat(BankState.balances(database)).isEqualTo(before);
    }

    /** Runs {@code work} as the lesson does and expects a refusal the runner prints as one line. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(TransactionCallback<CompletedTransfer> work) {
        return assertThatThrownBy(() -> retry.inTransaction(work)).isInstanceOf(WorkshopException.class);
    }
}
