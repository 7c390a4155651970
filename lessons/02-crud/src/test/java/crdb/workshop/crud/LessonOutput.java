package crdb.workshop.crud;

import static java.nio.charset.StandardCharsets.UTF_8;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.crud.querybuilder.QueryBuilderLesson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the lessons into a string, and reads the CRUD lesson's output back into facts. */
record LessonOutput(String text) {

    private static final Pattern CREATED = Pattern.compile("Created new account with id (\\S+) and balance (\\d+)\\.");
    private static final Pattern BALANCE = Pattern.compile("Account (\\S+): (\\d+)");
    private static final Pattern TRANSFERRING =
            Pattern.compile("Transferring (\\d+) from account (\\S+) to account (\\S+)\\.\\.\\.");
    private static final Pattern DELETED = Pattern.compile("Deleted account (\\S+)\\.");
    private static final Pattern COUNT = Pattern.compile("Accounts in the table: (\\d+)");

    static LessonOutput crud(Database database, Random random) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CrudLesson.run(database, new PrintStream(bytes, true, UTF_8), random);
        return new LessonOutput(bytes.toString(UTF_8));
    }

    static LessonOutput queryBuilder(Database database) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QueryBuilderLesson.run(database, new PrintStream(bytes, true, UTF_8));
        return new LessonOutput(bytes.toString(UTF_8));
    }

    List<String> lines() {
        return text.lines().toList();
    }

    /** The accounts the lesson said it created, in the order it printed them. */
    Map<UUID, Long> created() {
        Map<UUID, Long> created = new LinkedHashMap<>();
        for (Matcher m : all(CREATED)) {
            created.put(UUID.fromString(m.group(1)), Long.parseLong(m.group(2)));
        }
        return created;
    }

    /** The transfer as printed: both accounts before it, and the amount. */
    CompletedTransfer transfer() {
        Matcher moving = all(TRANSFERRING).get(0);
        List<Matcher> balances = all(BALANCE);
        return new CompletedTransfer(account(balances.get(0)), account(balances.get(1)), Long.parseLong(moving.group(1)));
    }

    /** The balances printed under "New balances:". */
    List<Account> newBalances() {
        List<Matcher> balances = all(BALANCE);
        return List.of(account(balances.get(2)), account(balances.get(3)));
    }

    List<UUID> deleted() {
        return all(DELETED).stream().map(m -> UUID.fromString(m.group(1))).toList();
    }

    long finalCount() {
        return Long.parseLong(all(COUNT).get(0).group(1));
    }

    /** The text with every UUID replaced, to compare two runs that drew different ids. */
    String withoutIds() {
        return text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>");
    }

    private static Account account(Matcher m) {
        return new Account(UUID.fromString(m.group(1)), Long.parseLong(m.group(2)));
    }

    private List<Matcher> all(Pattern pattern) {
        List<Matcher> found = new ArrayList<>();
        for (String line : lines()) {
            Matcher m = pattern.matcher(line);
            if (m.matches()) {
                found.add(m);
            }
        }
        return found;
    }
}
