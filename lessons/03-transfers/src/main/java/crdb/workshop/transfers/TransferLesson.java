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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Lesson 03, part 1: the psycopg2 tutorial in Java. Two accounts, $1000 and $250; $100 moves from
 * the first to the second, once through a retry loop written by hand and once through the
 * RetryExecutor; the balances are printed before and after; the accounts are deleted at the end
 * so the lesson can run again.
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
        TransferStrategy strategy = new HelloWorldTransfer();

        // tag::create-accounts[]
        Account first = new Account(UUID.randomUUID(), 1000);
        Account second = new Account(UUID.randomUUID(), 250);
        List<UUID> ids = List.of(first.id(), second.id());
        retry.useTransaction(session -> session.getMapper(AccountMapper.class).insertAll(List.of(first, second)));
        // end::create-accounts[]
        try {
            printBalances(retry, ids, out);
            Transfer transfer = new Transfer(first.id(), second.id(), 100);

            // tag::before[]
            out.println("Transferring $" + transfer.amount() + " with the hand-written retry loop...");
            ManualRetryLoop.run(sessions, session -> strategy.transfer(session, transfer));
            // end::before[]
            printBalances(retry, ids, out);

            // tag::after[]
            out.println("Transferring $" + transfer.amount() + " with the RetryExecutor...");
            retry.useTransaction(session -> strategy.transfer(session, transfer));
            // end::after[]
            printBalances(retry, ids, out);
        } finally {
            // Even after a failure: the lesson leaves no accounts behind, so it can run again.
            retry.useTransaction(session -> session.getMapper(AccountMapper.class).deleteByIds(ids));
        }
    }

    // tag::print-balances[]
    /**
     * Prints the balances in the tutorial's shape. The rows come back ordered by id, and random
     * UUIDs put either account first; we print them in the order we created them instead, so the
     * $1000 account always comes first.
     */
    private static void printBalances(RetryExecutor retry, List<UUID> ids, PrintStream out) {
        List<Account> rows = retry.inTransaction(session -> session.getMapper(AccountMapper.class).findByIds(ids));
        Map<UUID, Account> byId = rows.stream().collect(Collectors.toMap(Account::id, Function.identity()));
        out.println("Balances at " + ASCTIME.format(LocalDateTime.now()) + ":");
        out.println();
        for (UUID id : ids) {
            out.println("account id: " + id + "  balance: $" + byId.get(id).balance());
        }
        out.println();
    }
    // end::print-balances[]
}
