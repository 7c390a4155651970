package crdb.workshop.transfers;

import crdb.workshop.common.WorkshopException;
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
}
