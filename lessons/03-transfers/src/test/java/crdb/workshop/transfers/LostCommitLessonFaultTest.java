package crdb.workshop.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.BackendTerminator;
import crdb.workshop.common.testing.CommitDroppingProxy;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.PrintedOutput;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Lesson 03 part 2 (LostCommitLesson) through real faults: a proxy that loses COMMIT's answer,
 * and its backends terminated at random moments. Whatever happens, the lesson ends normally, says what became of each
 * transfer, moves the money exactly once or not at all, and leaves no accounts behind.
 */
@DatabaseTest
class LostCommitLessonFaultTest {

    private static final Pattern BALANCE = Pattern.compile("account id: \\S+  balance: \\$(\\d+)");

    /** The balances printed, in order: pairs of (first account, second account). */
    private static List<Long> balances(String printed) {
        return printed.lines().map(BALANCE::matcher).filter(Matcher::matches)
                .map(m -> Long.parseLong(m.group(1))).toList();
    }

    /** Read through the executor: the pool may still hold a connection the terminator killed. */
    private static long accounts(Database database) {
        return RetryExecutor.withDefaults(database.sessionFactory())
                .inReadOnlyTransaction(session -> session.getMapper(AccountMapper.class).count());
    }

    @Test
    void aLostCommitAnswerInTheHandWrittenLoopIsReadBackAndReported(Database database) throws Exception {
        String printed = runThroughAProxyThatLosesCommit(database, 1);

        assertThat(printed).contains("The hand-written loop gave up (SQLSTATE 08")
                .contains("Read the balances back: the transfer was applied.");
        // The COMMIT reached the server: the first transfer moved the money once, the second once more.
        assertThat(balances(printed)).containsExactly(1000L, 250L, 900L, 350L, 800L, 450L);
    }

    @Test
    void aLostCommitAnswerInTheExecutorIsReadBackAndReported(Database database) throws Exception {
        String printed = runThroughAProxyThatLosesCommit(database, 2);

        assertThat(printed).contains("The answer to COMMIT was lost, so the executor did not retry: COMMIT was sent")
                .contains("Read the balances back: the transfer was applied.");
        assertThat(balances(printed)).containsExactly(1000L, 250L, 900L, 350L, 800L, 450L);
    }

    private static String runThroughAProxyThatLosesCommit(Database database, int nthTransfer) throws Exception {
        long before = accounts(database);
        try (CommitDroppingProxy proxy = CommitDroppingProxy.start(database.settings());
             Database proxied = Database.open(proxy.route(database.settings()))) {
            proxy.dropAfterCommit("UPDATE accounts", nthTransfer);

            String printed = PrintedOutput.of(proxied, LostCommitLesson::run); // throws if the lesson fails

            assertThat(proxy.drops()).isEqualTo(1);
            assertThat(accounts(database)).as("the lesson deleted its accounts").isEqualTo(before);
            return printed;
        }
    }

    @Test
    void terminatedBackendsAtRandomMomentsNeverLoseOrDuplicateMoney(Database database) throws Exception {
        assumeFalse(database.isCockroachDb(), "pg_terminate_backend is PostgreSQL's (CANCEL SESSION on CockroachDB)");
        long before = accounts(database);
        int runs = 0;
        int reported = 0;
        int terminations;
        // Random pauses through the runs: kills land in statements, between them, at COMMIT, in the pool;
        // each run of the lesson sees several.
        try (BackendTerminator terminator = BackendTerminator.start(database, 10_000, 300)) {
            // At least 15 runs, and more while fewer than 3 kills have landed: a quiet machine runs
            // the lesson faster than the terminator's random pauses.
            while (runs < 15 || (terminator.terminations() < 3 && runs < 500)) {
                String printed = PrintedOutput.of(database, LostCommitLesson::run); // throws if the lesson fails
                runs++;
                List<Long> balances = balances(printed);
                assertThat(balances).as(printed).hasSize(6).startsWith(1000L, 250L);
                for (int pair = 0; pair < 3; pair++) {
                    assertThat(balances.get(2 * pair) + balances.get(2 * pair + 1)).as(printed).isEqualTo(1250L);
                }
                // Each transfer moved $100 once, unless the lesson said it did not.
                long notApplied = printed.lines().filter(l -> l.endsWith("the transfer was not applied.")).count();
                reported += (int) printed.lines().filter(l -> l.startsWith("Read the balances back")).count();
                assertThat(balances.get(4)).as(printed).isEqualTo(1000L - 100L * (2 - notApplied));
            }
            terminations = terminator.terminations();
        }
        System.out.println("LostCommitLessonFaultTest: " + terminations + " terminations over " + runs
                + " runs; " + reported + " failed transfers read back and reported");

        assertThat(terminations).as("backends terminated over " + runs + " runs").isGreaterThanOrEqualTo(3);
        assertThat(accounts(database)).as("every run deleted its accounts").isEqualTo(before);
    }
}
