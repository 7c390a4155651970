package crdb.workshop.transfers;

import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.AmbiguousCommitException;
import crdb.workshop.common.retry.FailureClassifier;
import crdb.workshop.common.retry.RetryExecutor;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Lesson 03, part 2: part 1's run, ready for a COMMIT whose answer never comes. The accounts are
 * created so that running the creation again is harmless, and a transfer that ended without an
 * answer is read back: the balances say whether the money moved. The fault tests run it through a
 * proxy that loses COMMIT's answer and with backends terminated at random moments.
 */
public final class LostCommitLesson {

    private LostCommitLesson() {
    }

    public static void main(String[] args) {
        LessonRunner.main(args, LostCommitLesson::run);
    }

    static void run(Database database, PrintStream out) throws InterruptedException {
        SqlSessionFactory sessions = database.sessionFactory();
        RetryExecutor retry = RetryExecutor.withDefaults(sessions);
        Account first = new Account(UUID.randomUUID(), 1000);
        Account second = new Account(UUID.randomUUID(), 250);
        List<UUID> ids = List.of(first.id(), second.id());
        // tag::create-accounts[]
        // Idempotent: if an earlier attempt's COMMIT went through unheard, the accounts are there already.
        retry.inIdempotentTransaction(session -> {
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            return accounts.findByIds(ids).isEmpty() ? accounts.insertAll(List.of(first, second)) : 0;
        });
        // end::create-accounts[]
        try {
            Map<UUID, Long> balances = TransferLesson.printBalances(retry, ids, out);
            long amount = 100;

            // tag::before[]
            out.println("Transferring $" + amount + " with the hand-written retry loop...");
            try {
                ManualRetryLoop.run(sessions,
                        session -> HelloWorldTransfer.transferFunds(session, first.id(), second.id(), amount));
            } catch (PersistenceException e) { // it retries 40001 only: a lost connection ends it
                out.println("The hand-written loop gave up (SQLSTATE " + FailureClassifier.sqlState(e)
                        + "); it retries only 40001.");
                readBack(retry, ids, amount, balances, out);
            }
            // end::before[]
            balances = TransferLesson.printBalances(retry, ids, out);

            // tag::after[]
            out.println("Transferring $" + amount + " with the RetryExecutor...");
            try {
                retry.useTransaction(session -> HelloWorldTransfer.transferFunds(session, first.id(), second.id(), amount));
            } catch (AmbiguousCommitException e) { // COMMIT was sent and its answer lost: look before anything else
                out.println("The answer to COMMIT was lost, so the executor did not retry: " + e.getMessage());
                readBack(retry, ids, amount, balances, out);
            }
            // end::after[]
            TransferLesson.printBalances(retry, ids, out);
        } finally {
            retry.inIdempotentTransaction(session -> session.getMapper(AccountMapper.class).deleteByIds(ids));
        }
    }

    // tag::read-back[]
    /**
     * After a transfer of {@code amount} from {@code ids[0]} to {@code ids[1]} ended without an
     * answer: reads the balances and says whether the money moved. The accounts are the lesson's
     * own, so nothing else moves their money in between.
     */
    private static void readBack(RetryExecutor retry, List<UUID> ids, long amount, Map<UUID, Long> before,
            PrintStream out) {
        Map<UUID, Long> after = TransferLesson.balances(retry, ids);
        long from = after.get(ids.get(0)) - before.get(ids.get(0));
        long to = after.get(ids.get(1)) - before.get(ids.get(1));
        String outcome = from == -amount && to == amount ? "applied"
                : from == 0 && to == 0 ? "not applied"
                : "neither applied nor not: the balances are " + after + ", were " + before;
        out.println("Read the balances back: the transfer was " + outcome + ".");
    }
    // end::read-back[]
}
