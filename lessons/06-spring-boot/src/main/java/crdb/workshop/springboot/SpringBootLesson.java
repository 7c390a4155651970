package crdb.workshop.springboot;

import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.springboot.mapper.LedgerMapper;
import crdb.workshop.springboot.retry.TransactionRetry;
import crdb.workshop.springboot.transfer.TransferReceipt;
import crdb.workshop.springboot.transfer.TransferRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Lesson 06: the psycopg2 tutorial's transfer, through the bank's HTTP API. Starts the service on
 * a free port, creates two accounts ($1000 and $250), prints their balances (GET /accounts/{id}),
 * moves $100 (POST /transfers), prints them again, sends the same request once more as a client
 * that lost the answer would, prints them a third time, then deletes the accounts and stops.
 *
 * <p>{@code --serve} keeps the service running after that, with curl commands to try, until you
 * press Enter.
 */
public final class SpringBootLesson {

    /** Python's time.asctime(): "Thu Aug  4 15:51:03 2022". */
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    private SpringBootLesson() {
    }

    public static void main(String[] args) {
        boolean serve = Arrays.asList(args).contains("--serve");
        String[] runnerArgs = Arrays.stream(args).filter(arg -> !arg.equals("--serve")).toArray(String[]::new);
        LessonRunner.main(runnerArgs, (database, out) -> run(database, out, serve ? System.in : null));
    }

    static void run(Database database, PrintStream out) throws IOException {
        run(database, out, null);
    }

    /** Runs the lesson; with {@code untilEnter}, keeps serving until a line (or its end) comes from it. */
    static void run(Database database, PrintStream out, InputStream untilEnter) throws IOException {
        try (ConfigurableApplicationContext service = BankApplication.start(database)) {
            String url = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
            out.println("Bank service started on " + url);
            TransactionRetry retry = service.getBean(TransactionRetry.class);
            AccountMapper accounts = service.getBean(AccountMapper.class);
            BankClient bank = new BankClient(url);

            Account first = new Account(UUID.randomUUID(), 1000);
            Account second = new Account(UUID.randomUUID(), 250);
            List<UUID> ids = List.of(first.id(), second.id());
            retry.inTransaction(() -> accounts.insertAll(List.of(first, second)));
            try {
                printBalances(bank, ids, out);
                // tag::transfer[]
                UUID key = UUID.randomUUID();
                TransferRequest transfer = new TransferRequest(first.id(), second.id(), 100);
                out.println("Transferring $100: POST /transfers with Idempotency-Key " + key);
                out.println(describe(bank.transfer(key, transfer)));
                printBalances(bank, ids, out);

                out.println("The same request again, as a client that lost the answer would send it:");
                out.println(describe(bank.transfer(key, transfer)));
                printBalances(bank, ids, out);
                // end::transfer[]
                if (untilEnter != null) {
                    serve(url, first.id(), second.id(), untilEnter, out);
                }
            } finally {
                // Even after a failure: the lesson leaves nothing behind, so it can run again.
                LedgerMapper ledger = service.getBean(LedgerMapper.class);
                retry.inTransaction(() -> ledger.deleteTransfersOf(first.id(), second.id())
                        + accounts.deleteByIds(ids));
            }
        }
    }

    private static String describe(ResponseEntity<TransferReceipt> answer) {
        String replayed = answer.getHeaders().getFirst("Idempotent-Replayed");
        HttpStatus status = HttpStatus.valueOf(answer.getStatusCode().value());
        return status.value() + " " + status.getReasonPhrase() + ", Idempotent-Replayed: " + replayed;
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

    private static void serve(String url, UUID first, UUID second, InputStream untilEnter, PrintStream out)
            throws IOException {
        out.println("The service keeps running. Try it from another terminal:");
        out.println();
        out.println("  curl -s " + url + "/accounts/" + first);
        out.println("  curl -si -X POST " + url + "/transfers -H 'Content-Type: application/json' \\");
        out.println("       -H 'Idempotency-Key: " + UUID.randomUUID() + "' \\");
        out.println("       -d '{\"from\":\"" + first + "\",\"to\":\"" + second + "\",\"amount\":100}'");
        out.println("  curl -s " + url + "/actuator/metrics/bank.transaction.retries");
        out.println();
        out.println("Send the POST twice: the second answer is the first one, replayed. Change the amount and");
        out.println("send it with the same key: 422. Press Enter here to stop (the two accounts are deleted).");
        new BufferedReader(new InputStreamReader(untilEnter, StandardCharsets.UTF_8)).readLine();
    }
}
