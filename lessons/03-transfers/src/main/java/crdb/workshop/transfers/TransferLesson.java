package crdb.workshop.transfers;

import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.AmbiguousCommitException;
import crdb.workshop.common.retry.RetryExecutor;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.ibatis.exceptions.PersistenceException;
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
        // Idempotent: if an earlier attempt's COMMIT went through unheard, the accounts are there already.
        retry.inIdempotentTransaction(session -> {
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            return accounts.findByIds(ids).isEmpty() ? accounts.insertAll(List.of(first, second)) : 0;
        });
        // end::create-accounts[]
        try {
            Map<UUID, Long> balances = printBalances(retry, ids, out);
            Transfer transfer = new Transfer(first.id(), second.id(), 100);

            // tag::before[]
            out.println("Transferring $" + transfer.amount() + " with the hand-written retry loop...");
            try {
                ManualRetryLoop.run(sessions, session -> strategy.transfer(session, transfer));
            } catch (PersistenceException e) { // it retries 40001 only: a lost connection ends it
                out.println("The hand-written loop gave up (SQLSTATE " + sqlState(e) + "); it retries only 40001.");
                balances = readBack(retry, ids, transfer, balances, out);
            }
            // end::before[]
            balances = printBalances(retry, ids, out);

            // tag::after[]
            out.println("Transferring $" + transfer.amount() + " with the RetryExecutor...");
            try {
                retry.useTransaction(session -> strategy.transfer(session, transfer));
            } catch (AmbiguousCommitException e) { // COMMIT was sent and its answer lost: look before anything else
                out.println("The answer to COMMIT was lost, so the executor did not retry: " + e.getMessage());
                balances = readBack(retry, ids, transfer, balances, out);
            }
            // end::after[]
            printBalances(retry, ids, out);
        } finally {
            // Even after a failure: the lesson leaves no accounts behind, so it can run again.
            // Deleting by id is idempotent, so a lost COMMIT answer is retried.
            retry.inIdempotentTransaction(session -> session.getMapper(AccountMapper.class).deleteByIds(ids));
        }
    }

    // tag::read-back[]
    /** After a failed transfer: reads the balances and says whether the money moved. */
    private static Map<UUID, Long> readBack(RetryExecutor retry, List<UUID> ids, Transfer transfer,
            Map<UUID, Long> before, PrintStream out) {
        Map<UUID, Long> after = balances(retry, ids);
        out.println("Read the balances back: the transfer was " + TransferOutcome.of(transfer, before, after) + ".");
        return after;
    }
    // end::read-back[]

    /** The balances of {@code ids}, in a read-only unit: safe to run again after any connection loss. */
    private static Map<UUID, Long> balances(RetryExecutor retry, List<UUID> ids) {
        List<Account> rows = retry.inReadOnlyTransaction(
                session -> session.getMapper(AccountMapper.class).findByIds(ids));
        return rows.stream().collect(Collectors.toMap(Account::id, Account::balance));
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return "none";
    }

    // tag::print-balances[]
    /**
     * Prints the balances in the tutorial's shape. The rows come back ordered by id, and random
     * UUIDs put either account first; we print them in the order we created them instead, so the
     * $1000 account always comes first.
     */
    private static Map<UUID, Long> printBalances(RetryExecutor retry, List<UUID> ids, PrintStream out) {
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
