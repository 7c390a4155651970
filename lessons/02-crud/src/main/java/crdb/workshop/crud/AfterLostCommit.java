package crdb.workshop.crud;

import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.AmbiguousCommitException;
import crdb.workshop.common.retry.RetryExecutor;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the lesson does when COMMIT's answer is lost ({@link AmbiguousCommitException}): the
 * transfer and the delete are not safe to run twice, so the executor stopped. The lesson looks at
 * the rows (its own: nothing else changes them), tells you what it found, and runs the unit again
 * only if it was not applied.
 */
final class AfterLostCommit {

    private AfterLostCommit() {
    }

    // tag::transfer[]
    /** The transfer of half of {@code source}'s balance (as created) to {@code destination}. */
    static CompletedTransfer transfer(RetryExecutor retry, Account source, Account destination, PrintStream out) {
        long amount = source.balance() / 2;
        Map<UUID, Account> now = read(retry, List.of(source.id(), destination.id()));
        boolean applied = now.get(source.id()).balance() == source.balance() - amount
                && now.get(destination.id()).balance() == destination.balance() + amount;
        out.println("The answer to the transfer's COMMIT was lost; the balances show it was "
                + (applied ? "applied." : "not applied, so it runs again."));
        return applied ? new CompletedTransfer(source, destination, amount)
                : retry.inTransaction(session -> BalanceTransfer.transferHalf(session, source.id(), destination.id()));
    }
    // end::transfer[]

    /** The accounts among {@code candidates} that the lost delete removed, or the delete run again. */
    static List<UUID> deletion(RetryExecutor retry, List<UUID> candidates, int count, long seed, PrintStream out) {
        Set<UUID> remaining = read(retry, candidates).keySet();
        List<UUID> gone = candidates.stream().filter(id -> !remaining.contains(id)).toList();
        out.println("The answer to the delete's COMMIT was lost; the table shows it was "
                + (gone.isEmpty() ? "not applied, so it runs again." : "applied."));
        return !gone.isEmpty() ? gone
                : retry.inTransaction(session -> AccountDeletion.deleteRandom(session, candidates, count, seed));
    }

    /** A read-only unit: run again after any connection loss, so it answers even now. */
    private static Map<UUID, Account> read(RetryExecutor retry, List<UUID> ids) {
        List<Account> rows = retry.inReadOnlyTransaction(session -> session.getMapper(AccountMapper.class).findByIds(ids));
        return rows.stream().collect(Collectors.toMap(Account::id, Function.identity()));
    }
}
