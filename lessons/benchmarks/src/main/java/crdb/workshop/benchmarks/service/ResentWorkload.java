package crdb.workshop.benchmarks.service;

import crdb.workshop.benchmarks.transfers.load.PlannedTransfer;
import crdb.workshop.benchmarks.transfers.load.Workload;
import crdb.workshop.transfers.Transfer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A planned workload as the service load benchmark sends it: a share of the transfers sent a
 * second time, right after the first, with the same key (a client that lost the answer), and
 * every account and key made new for the run, so that it touches only accounts it created.
 */
record ResentWorkload(Workload workload, Set<UUID> resentKeys) {

    static ResentWorkload of(Workload planned, double resendShare, long seed) {
        Random random = new Random(seed);
        List<List<PlannedTransfer>> perThread = new ArrayList<>();
        Set<UUID> resent = new HashSet<>();
        for (List<PlannedTransfer> thread : planned.perThread()) {
            List<PlannedTransfer> sent = new ArrayList<>();
            for (PlannedTransfer transfer : thread) {
                sent.add(transfer);
                if (random.nextDouble() < resendShare) {
                    sent.add(transfer);
                    resent.add(transfer.id());
                }
            }
            perThread.add(sent);
        }
        return new ResentWorkload(new Workload(planned.shape(), planned.accounts(), perThread), resent).renamed();
    }

    /** The same transfers between new random accounts (the first two still the hot ones), under new random keys. */
    private ResentWorkload renamed() {
        Map<UUID, UUID> fresh = new HashMap<>();
        List<UUID> accounts = workload.accounts().stream().map(id -> fresh.computeIfAbsent(id, x -> UUID.randomUUID()))
                .toList();
        List<List<PlannedTransfer>> perThread = workload.perThread().stream().map(thread -> thread.stream()
                .map(p -> new PlannedTransfer(fresh.computeIfAbsent(p.id(), x -> UUID.randomUUID()),
                        new Transfer(fresh.get(p.transfer().from()), fresh.get(p.transfer().to()),
                                p.transfer().amount())))
                .toList()).toList();
        Set<UUID> keys = new HashSet<>();
        resentKeys.forEach(id -> keys.add(fresh.get(id)));
        return new ResentWorkload(new Workload(workload.shape(), accounts, perThread), Set.copyOf(keys));
    }

    /** Requests sent: the planned transfers and the second copies. */
    int requests() {
        return workload.size();
    }
}
