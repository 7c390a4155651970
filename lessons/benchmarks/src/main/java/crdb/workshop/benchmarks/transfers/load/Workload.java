package crdb.workshop.benchmarks.transfers.load;

import crdb.workshop.transfers.Transfer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Every transfer of a run, planned up front: one list per thread, over a fixed list of accounts
 * whose first two are the hot ones. Every contender runs the same workload, so they are compared
 * on the same transfers.
 */
public record Workload(LoadShape shape, List<UUID> accounts, List<List<PlannedTransfer>> perThread) {

    public static Workload plan(LoadShape shape, long seed) {
        Random random = new Random(seed);
        List<UUID> accounts = new ArrayList<>();
        for (int i = 0; i < shape.accounts(); i++) {
            accounts.add(accountId(i));
        }
        List<List<PlannedTransfer>> perThread = new ArrayList<>();
        for (int t = 0; t < shape.threads(); t++) {
            List<PlannedTransfer> transfers = new ArrayList<>();
            for (int i = 0; i < shape.transfersPerThread(); i++) {
                int from;
                int to;
                if (random.nextDouble() < shape.hotFraction()) {
                    from = random.nextInt(2); // between the two hot accounts, either way
                    to = 1 - from;
                } else {
                    from = random.nextInt(accounts.size());
                    to = (from + 1 + random.nextInt(accounts.size() - 1)) % accounts.size(); // any other
                }
                long amount = 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE, shape.maxAmount()));
                transfers.add(new PlannedTransfer(randomUuid(random),
                        new Transfer(accounts.get(from), accounts.get(to), amount)));
            }
            perThread.add(List.copyOf(transfers));
        }
        return new Workload(shape, List.copyOf(accounts), List.copyOf(perThread));
    }

    /**
     * Account {@code i}'s id: {@code 00000000-0000-4000-8000-1000000000NN}, the number
     * 100000000000 + i written in the last group. pgbench, which has numbers but no strings, builds
     * the same id from the number, so it works on the same accounts; and ids sort as their numbers.
     */
    public static UUID accountId(int i) {
        return UUID.fromString("00000000-0000-4000-8000-" + (FIRST_ACCOUNT_NUMBER + i));
    }

    /** The number in account 0's id; see {@link #accountId}. */
    public static final long FIRST_ACCOUNT_NUMBER = 100_000_000_000L;

    /** A version-4 UUID from the seeded generator, so that the same seed plans the same load. */
    private static UUID randomUuid(Random random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    public int size() {
        return perThread.stream().mapToInt(List::size).sum();
    }
}
