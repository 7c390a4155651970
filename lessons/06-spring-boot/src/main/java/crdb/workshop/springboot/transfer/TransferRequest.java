package crdb.workshop.springboot.transfer;

import java.util.UUID;

/** The body of {@code POST /transfers}: move {@code amount} dollars from one account to another. */
public record TransferRequest(UUID from, UUID to, long amount) {
}
