package crdb.workshop.transfers;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.mapper.Account;
import java.util.Objects;
import java.util.UUID;

/**
 * Move {@code amount} dollars from one account to another. Checked when it is made, before any
 * transaction starts: what can be refused without the database is refused without it.
 */
public record Transfer(UUID from, UUID to, long amount) {

    public Transfer {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (amount <= 0) {
            throw new WorkshopException("Cannot transfer $" + amount + ": the amount must be a positive number of"
                    + " dollars.");
        }
        if (from.equals(to)) {
            throw new WorkshopException("Cannot transfer from account " + from + " to itself: pick two different"
                    + " accounts.");
        }
    }

    /**
     * Refuses this transfer unless both accounts exist and the source covers the amount; {@code
     * null} stands for an account that does not exist. The strategies call it with what they read.
     */
    public void checkAgainst(Account source, Account target) {
        if (source == null) {
            throw TransferDeclinedException.unknownSource(this);
        }
        if (target == null) {
            throw TransferDeclinedException.unknownTarget(this);
        }
        if (source.balance() < amount) {
            throw TransferDeclinedException.insufficientFunds(this, source.balance());
        }
    }
}
