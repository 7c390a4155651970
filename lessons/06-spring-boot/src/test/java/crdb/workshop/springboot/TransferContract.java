package crdb.workshop.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.springboot.transfer.TransferOutcome;
import crdb.workshop.springboot.transfer.TransferRefusedException;
import crdb.workshop.springboot.transfer.TransferRequest;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opentest4j.AssertionFailedError;

/**
 * What any way of running a transfer with retries must do. ClassicMistakesTest holds each mistake
 * and each fix to it: a mistake fails one of these checks, its fix passes both.
 */
final class TransferContract {

    /** A way of transferring: the service, a broken bean, a fixed one. */
    @FunctionalInterface
    interface Transfers {
        TransferOutcome transfer(UUID key, TransferRequest transfer);
    }

    private final Books books;
    private final CommitFaultsOnTransfers faults;

    TransferContract(Books books, CommitFaultsOnTransfers faults) {
        this.books = books;
        this.faults = faults;
    }

    /** A COMMIT that the database answers with 40001 is retried, work and all: the transfer is applied once. */
    void aCommitThatFailsWith40001IsRetried(Transfers transfers) throws SQLException {
        List<UUID> ids = books.open(1000, 250);
        faults.failNextCommits("40001", 1);
        try {
            transfers.transfer(UUID.randomUUID(), new TransferRequest(ids.get(0), ids.get(1), 100));
        } catch (RuntimeException e) {
            throw new AssertionFailedError("The transfer failed instead of retrying its COMMIT: " + e, e);
        } finally {
            faults.failNextCommits("40001", 0);
        }
        assertThat(books.balances(ids)).as("balances after one transfer of $100")
                .isEqualTo(Map.of(ids.get(0), 900L, ids.get(1), 250L + 100));
    }

    /** A transfer refused halfway (its target does not exist) leaves no trace: its transfers row is rolled back. */
    void aRefusedTransferChangesNothing(Transfers transfers) {
        UUID source = books.open(1000).get(0);
        UUID key = UUID.randomUUID();

        assertThatThrownBy(() -> transfers.transfer(key, new TransferRequest(source, UUID.randomUUID(), 100)))
                .isInstanceOf(TransferRefusedException.class);

        assertThat(books.balance(source)).as("balance of the source after a refused transfer").isEqualTo(1000);
        assertThat(books.recorded(key)).as("a transfers row for the refused transfer").isFalse();
    }
}
