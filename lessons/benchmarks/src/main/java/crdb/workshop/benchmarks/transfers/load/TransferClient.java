package crdb.workshop.benchmarks.transfers.load;

import crdb.workshop.transfers.Transfer;
import java.util.UUID;

/** What the load runner drives: TransferService, or its JDBC baseline. */
@FunctionalInterface
public interface TransferClient {

    /** As {@link crdb.workshop.transfers.TransferService#transfer}. */
    boolean transfer(UUID transferId, Transfer transfer);
}
