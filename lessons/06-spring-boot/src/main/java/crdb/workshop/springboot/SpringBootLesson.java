package crdb.workshop.springboot;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.springboot.mapper.LedgerMapper;
import crdb.workshop.springboot.retry.TransactionRetry;
import crdb.workshop.springboot.transfer.TransferRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Lesson 06: the psycopg2 tutorial's transfer, through the bank's HTTP API. Starts the service on
 * a free port of 127.0.0.1, creates two accounts ($1000 and $250), prints their balances (GET
 * /accounts/{id}), moves $100 (POST /transfers), prints them again, sends the same request once
 * more as a client that lost the answer would, prints them a third time, then deletes the
 * accounts and stops. {@code --serve} keeps the service running until you press Enter
 * ({@link ServeOptions}).
 */
public final class SpringBootLesson {

    /** Python's time.asctime(): "Thu Aug  4 15:51:03 2022". */
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    private SpringBootLesson() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(ServeOptions.HELP);
            return;
        }
        ServeOptions options;
        try {
            options = ServeOptions.parse(args);
        } catch (WorkshopException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LessonRunner.main(options.rest(), (database, out) -> run(database, out, options,
                options.untilEnter() ? System.in : null));
    }

    static void run(Database database, PrintStream out) throws IOException {
        run(database, out, ServeOptions.parse(), null);
    }

    /** Runs the lesson; with {@code untilEnter}, keeps serving until a line (or its end) comes from it. */
    static void run(Database database, PrintStream out, ServeOptions options, InputStream untilEnter)
            throws IOException {
        try (ConfigurableApplicationContext service = BankApplication.start(database,
                "server.address=" + options.address())) {
            String url = options.url(service.getEnvironment().getProperty("local.server.port"));
            out.println("Bank service started on " + url);
            TransactionRetry retry = service.getBean(TransactionRetry.class);
            AccountMapper accounts = service.getBean(AccountMapper.class);
            BankClient bank = new BankClient(url);

            Account first = new Account(UUID.randomUUID(), 1000);
            Account second = new Account(UUID.randomUUID(), 250);
            List<UUID> ids = List.of(first.id(), second.id());
            // Idempotent, so retried after a lost COMMIT answer: an attempt that finds the accounts adds nothing.
            retry.inIdempotentTransaction(() -> accounts.findByIds(ids).isEmpty()
                    ? accounts.insertAll(List.of(first, second)) : 0);
            boolean reachable = true;
            try {
                printBalances(bank, ids, out);
                // tag::transfer[]
                UUID key = UUID.randomUUID();
                TransferRequest transfer = new TransferRequest(first.id(), second.id(), 100);
                out.println("Transferring $100: POST /transfers with Idempotency-Key " + key);
                out.println(BankClient.describe(bank.transfer(key, transfer)));
                printBalances(bank, ids, out);

                out.println("The same request again, as a client that lost the answer would send it:");
                out.println(BankClient.describe(bank.transfer(key, transfer)));
                printBalances(bank, ids, out);
                // end::transfer[]
                if (untilEnter != null) {
                    ServingUntilEnter.serve(url, options.address(), first.id(), second.id(), untilEnter, out);
                }
            } catch (BankClient.GaveUpException gaveUp) {
                reachable = false; // deleting would wait for the database as long again: say what is left
                throw new WorkshopException(gaveUp.getMessage() + " Accounts " + ids + " were not deleted.");
            } finally {
                if (reachable) { // the lesson leaves nothing behind, after a failure too, so it can run again
                    LedgerMapper ledger = service.getBean(LedgerMapper.class);
                    retry.inIdempotentTransaction(() -> ledger.deleteTransfersOf(first.id(), second.id())
                            + accounts.deleteByIds(ids));
                }
            }
        }
    }

    /** Prints the balances in the tutorial's shape, read over HTTP, the $1000 account first. */
    private static void printBalances(BankClient bank, List<UUID> ids, PrintStream out) {
        out.println("Balances at " + ASCTIME.format(LocalDateTime.now()) + ":");
        out.println();
        for (UUID id : ids) {
            out.println("account id: " + id + "  balance: $" + bank.account(id).balance());
        }
        out.println();
    }
}
