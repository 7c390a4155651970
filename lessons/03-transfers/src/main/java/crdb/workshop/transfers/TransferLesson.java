package crdb.workshop.transfers;

import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.RetryExecutor;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Lesson 03, part 1: the psycopg2 tutorial in Java. Two accounts, $1000 and $250; $100 moves from
 * the first to the second, once through a retry loop written by hand and once through the
 * RetryExecutor; the balances are printed before and after; the accounts are deleted at the end
 * so the lesson can run again. What a lost COMMIT answer needs is part 2's: {@link LostCommitLesson}.
 */
public final class TransferLesson {

    /** Python's time.asctime(): "Thu Aug  4 15:51:03 2022". */
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    private TransferLesson() {
    }

    public static void main(String[] args) {
        LessonRunner.main(args, TransferLesson::run);
    }

    static void run(Database database, PrintStream out) throws InterruptedException {
        SqlSessionFactory sessions = database.sessionFactory();
        RetryExecutor retry = RetryExecutor.withDefaults(sessions);

        // tag::create-accounts[]
        Account first = new Account(UUID.randomUUID(), 1000);
        Account second = new Account(UUID.randomUUID(), 250);
        List<UUID> ids = List.of(first.id(), second.id());
        retry.useTransaction(session -> session.getMapper(AccountMapper.class).insertAll(List.of(first, second)));
        // end::create-accounts[]
        try {
            printBalances(retry, ids, out);
            long amount = 100;

            // tag::before[]
            out.println("Transferring $" + amount + " with the hand-written retry loop...");
            ManualRetryLoop.run(sessions,
                    session -> HelloWorldTransfer.transferFunds(session, first.id(), second.id(), amount));
            // end::before[]
            printBalances(retry, ids, out);

            // tag::after[]
            out.println("Transferring $" + amount + " with the RetryExecutor...");
            retry.useTransaction(session -> HelloWorldTransfer.transferFunds(session, first.id(), second.id(), amount));
            // end::after[]
            printBalances(retry, ids, out);
        } finally {
            // Even after a failure the lesson leaves no accounts behind, so it can run again.
            // Deleting by id is idempotent: the executor may run it again after a lost COMMIT answer.
            retry.inIdempotentTransaction(session -> session.getMapper(AccountMapper.class).deleteByIds(ids));
        }
    }

    /** The balances of {@code ids}, in a read-only unit: safe to run again after any connection loss. */
    static Map<UUID, Long> balances(RetryExecutor retry, List<UUID> ids) {
        List<Account> rows = retry.inReadOnlyTransaction(
                session -> session.getMapper(AccountMapper.class).findByIds(ids));
        return rows.stream().collect(Collectors.toMap(Account::id, Account::balance));
    }

    // tag::print-balances[]
    /**
     * Prints the balances in the tutorial's shape. The rows come back ordered by id, and random
     * UUIDs put either account first; we print them in the order we created them instead, so the
     * $1000 account always comes first.
     */
    static Map<UUID, Long> printBalances(RetryExecutor retry, List<UUID> ids, PrintStream out) {
        Map<UUID, Long> byId = balances(retry, ids);
        out.println("Balances at " + ASCTIME.format(LocalDateTime.now()) + ":");
        out.println();
        for (UUID id : ids) {
            out.println("account id: " + id + "  balance: $" + byId.get(id));
        }
        out.println();
        return byId;
    }
    // end::print-balances[]
}
