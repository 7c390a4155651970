package crdb.workshop.benchmarks.transfers.load;

import crdb.workshop.transfers.Transfer;
import java.util.UUID;

/** A transfer decided before the run starts, with the id its client gives it. */
public record PlannedTransfer(UUID id, Transfer transfer) {
}
