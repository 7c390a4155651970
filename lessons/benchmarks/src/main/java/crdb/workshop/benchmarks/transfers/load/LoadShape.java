package crdb.workshop.benchmarks.transfers.load;

import crdb.workshop.common.WorkshopException;

/**
 * How much load, and where: {@code threads} threads each make {@code transfersPerThread}
 * transfers over {@code accounts} accounts. A share {@code hotFraction} of the transfers (0 to 1)
 * goes between the two hottest accounts; the rest between two accounts picked at random.
 */
public record LoadShape(int threads, int transfersPerThread, int accounts, double hotFraction, long openingBalance,
        long maxAmount) {

    public LoadShape {
        require(threads >= 1, "threads must be at least 1, but was " + threads);
        require(transfersPerThread >= 1, "transfersPerThread must be at least 1, but was " + transfersPerThread);
        require(accounts >= 2, "a transfer needs two accounts; accounts was " + accounts);
        require(hotFraction >= 0 && hotFraction <= 1, "hotFraction is a share from 0 to 1, but was " + hotFraction);
        require(openingBalance >= 0, "openingBalance must not be negative, but was " + openingBalance);
        require(maxAmount >= 1, "maxAmount must be at least 1, but was " + maxAmount);
    }

    public LoadShape withHotFraction(double hotFraction) {
        return new LoadShape(threads, transfersPerThread, accounts, hotFraction, openingBalance, maxAmount);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new WorkshopException("Bad load shape: " + problem + ".");
        }
    }
}
