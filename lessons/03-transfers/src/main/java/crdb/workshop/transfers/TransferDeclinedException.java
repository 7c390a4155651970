package crdb.workshop.transfers;

import crdb.workshop.common.WorkshopException;
import java.util.UUID;

/**
 * A transfer the bank will not make, and why. Thrown inside the transaction, so it rolls back
 * whatever the transfer had written; the message is one line, as part 1's refusals are.
 */
public final class TransferRefusedException extends WorkshopException {

    public enum Reason { UNKNOWN_SOURCE, UNKNOWN_TARGET, INSUFFICIENT_FUNDS, ID_REUSED }

    private final Reason reason;

    private TransferRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static TransferRefusedException unknownSource(Transfer transfer) {
        return new TransferRefusedException(Reason.UNKNOWN_SOURCE,
                "No account " + transfer.from() + " to transfer from: check the id.");
    }

    public static TransferRefusedException unknownTarget(Transfer transfer) {
        return new TransferRefusedException(Reason.UNKNOWN_TARGET,
                "No account " + transfer.to() + " to transfer to: check the id.");
    }

    public static TransferRefusedException insufficientFunds(Transfer transfer, long balance) {
        return new TransferRefusedException(Reason.INSUFFICIENT_FUNDS, "Insufficient funds in account "
                + transfer.from() + ": balance $" + balance + ", transfer $" + transfer.amount() + ".");
    }

    public static TransferRefusedException idReused(UUID transferId, Transfer recorded) {
        return new TransferRefusedException(Reason.ID_REUSED, "Transfer id " + transferId + " was used before, for $"
                + recorded.amount() + " from " + recorded.from() + " to " + recorded.to()
                + ": give every new transfer a new id.");
    }
}
