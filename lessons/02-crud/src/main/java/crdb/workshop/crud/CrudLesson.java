package crdb.workshop.crud;

import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.AmbiguousCommitException;
import crdb.workshop.common.retry.RetryExecutor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Lesson 02: the SQLAlchemy CRUD tutorial in MyBatis. Three units of work, each in its own
 * retried transaction: create 100 accounts, move half of one balance to another account, delete
 * five accounts. Each callback returns what it did; the lesson prints it after the commit.
 */
public final class CrudLesson {

    static final int NEW_ACCOUNTS = 100;
    static final int ACCOUNTS_TO_DELETE = 5;

    private CrudLesson() {
    }

    public static void main(String[] args) {
        LessonRunner.main(args, CrudLesson::run);
    }

    static void run(Database database, PrintStream out) {
        run(database, out, new Random());
    }

    /** The lesson with its randomness handed in: a seeded Random makes the same choices each run. */
    static void run(Database database, PrintStream out, Random random) {
        RetryExecutor retry = RetryExecutor.withDefaults(database.sessionFactory());

        // tag::create-accounts[]
        out.println("Creating new accounts...");
        List<Account> newAccounts = NewAccounts.random(NEW_ACCOUNTS, random);
        List<UUID> newIds = newAccounts.stream().map(Account::id).toList();
        // Idempotent (skips accounts an unanswered earlier COMMIT wrote), so the executor may retry a lost answer.
        List<Account> created = retry.inIdempotentTransaction(session -> {
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            if (accounts.findByIds(newIds).isEmpty()) {
                accounts.insertAll(newAccounts);
            }
            return newAccounts;
        });
        for (Account account : created) {
            out.println("Created new account with id " + account.id() + " and balance " + account.balance() + ".");
        }
        // end::create-accounts[]

        // tag::transfer[]
        List<UUID> ids = shuffledIds(created, random);
        UUID from = ids.get(0);
        UUID to = ids.get(1);
        CompletedTransfer transfer;
        try {
            transfer = retry.inTransaction(session -> BalanceTransfer.transferHalf(session, from, to));
        } catch (AmbiguousCommitException lost) { // applied or not? look before running it again
            transfer = AfterLostCommit.transfer(retry, accountWith(created, from), accountWith(created, to), out);
        }
        out.println("Random account balances:");
        out.println("Account " + from + ": " + transfer.source().balance());
        out.println("Account " + to + ": " + transfer.destination().balance());
        out.println("Transferring " + transfer.amount() + " from account " + from + " to account " + to + "...");
        out.println("Transfer complete.");
        out.println("New balances:");
        out.println("Account " + from + ": " + transfer.sourceBalanceAfter());
        out.println("Account " + to + ": " + transfer.destinationBalanceAfter());
        // end::transfer[]

        // tag::delete-accounts[]
        out.println("Deleting existing accounts...");
        long seed = random.nextLong(); // drawn out here, so every attempt of the callback chooses alike
        List<UUID> deleted;
        try {
            deleted = retry.inTransaction(session -> AccountDeletion.deleteRandom(session, ids, ACCOUNTS_TO_DELETE, seed));
        } catch (AmbiguousCommitException lost) {
            deleted = AfterLostCommit.deletion(retry, ids, ACCOUNTS_TO_DELETE, seed, out);
        }
        for (UUID id : deleted) {
            out.println("Deleted account " + id + ".");
        }
        // end::delete-accounts[]

        // tag::count[]
        long count = retry.inReadOnlyTransaction(session -> session.getMapper(AccountMapper.class).count());
        out.println("Accounts in the table: " + count);
        // end::count[]
    }

    private static Account accountWith(List<Account> accounts, UUID id) {
        return accounts.stream().filter(account -> account.id().equals(id)).findFirst().orElseThrow();
    }

    /** The ids of {@code accounts} in random order: take the first two and they are distinct. */
    private static List<UUID> shuffledIds(List<Account> accounts, Random random) {
        List<UUID> ids = new ArrayList<>(accounts.stream().map(Account::id).toList());
        Collections.shuffle(ids, random);
        return List.copyOf(ids);
    }
}
