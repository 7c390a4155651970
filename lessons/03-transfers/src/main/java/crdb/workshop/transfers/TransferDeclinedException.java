package crdb.workshop.transfers;

import crdb.workshop.common.WorkshopException;
import java.util.UUID;

/**
 * A transfer the bank will not make, and why. Thrown inside the transaction, so it rolls back
 * whatever the transfer had written; the message is one line, as part 1's refusals are.
 */
public final class TransferDeclinedException extends WorkshopException {

    public enum Reason { UNKNOWN_SOURCE, UNKNOWN_TARGET, INSUFFICIENT_FUNDS, ID_REUSED }

    private final Reason reason;

    private TransferDeclinedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static TransferDeclinedException unknownSource(Transfer transfer) {
        return new TransferDeclinedException(Reason.UNKNOWN_SOURCE,
                "No account " + transfer.from() + " to transfer from: check the id.");
    }

    public static TransferDeclinedException unknownTarget(Transfer transfer) {
        return new TransferDeclinedException(Reason.UNKNOWN_TARGET,
                "No account " + transfer.to() + " to transfer to: check the id.");
    }

    public static TransferDeclinedException insufficientFunds(Transfer transfer, long balance) {
        return new TransferDeclinedException(Reason.INSUFFICIENT_FUNDS, "Insufficient funds in account "
                + transfer.from() + ": balance $" + balance + ", transfer $" + transfer.amount() + ".");
    }

    public static TransferDeclinedException idReused(UUID transferId, Transfer recorded) {
        return new TransferDeclinedException(Reason.ID_REUSED, "Transfer id " + transferId + " was used before, for $"
                + recorded.amount() + " from " + recorded.from() + " to " + recorded.to()
                + ": give every new transfer a new id.");
    }
}
