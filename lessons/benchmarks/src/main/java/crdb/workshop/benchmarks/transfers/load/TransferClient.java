package crdb.workshop.benchmarks.transfers.load;

import crdb.workshop.transfers.Transfer;
import java.util.UUID;

/** What the load runner drives: IdempotentTransfers, or its JDBC baseline. */
@FunctionalInterface
public interface TransferClient {

    /** As {@link crdb.workshop.transfers.IdempotentTransfers#transfer}. */
    boolean transfer(UUID transferId, Transfer transfer);
}
