package crdb.workshop.transfers;

import java.util.Map;
import java.util.UUID;

/**
 * What happened to a transfer whose COMMIT got no answer: the balances, read back, tell. The
 * lesson's accounts are its own, so nothing else moves their money in between.
 */
final class TransferOutcome {

    private TransferOutcome() {
    }

    // tag::applied[]
    /** "applied", "not applied", or a description of balances that match neither. */
    static String of(Transfer transfer, Map<UUID, Long> before, Map<UUID, Long> after) {
        long from = before.get(transfer.from());
        long to = before.get(transfer.to());
        if (after.get(transfer.from()) == from - transfer.amount() && after.get(transfer.to()) == to + transfer.amount()) {
            return "applied";
        }
        if (after.get(transfer.from()) == from && after.get(transfer.to()) == to) {
            return "not applied";
        }
        return "neither applied nor not: the balances are " + after + ", were " + before;
    }
    // end::applied[]
}
