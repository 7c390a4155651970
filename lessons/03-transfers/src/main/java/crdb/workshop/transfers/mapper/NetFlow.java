package crdb.workshop.transfers.mapper;

import java.util.UUID;

/** What the transfers table says happened to one account: money in minus money out. */
public record NetFlow(UUID accountId, long net) {
}
