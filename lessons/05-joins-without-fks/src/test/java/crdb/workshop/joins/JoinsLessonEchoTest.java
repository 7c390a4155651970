package crdb.workshop.joins;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.echo.EchoLine;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.PrintedOutput;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With --echo-sql, the race's SQL comes out under the race's heading, each line naming its thread,
 * each transaction in one piece from BEGIN to its COMMIT or ROLLBACK.
 */
@DatabaseTest
class JoinsLessonEchoTest {

    private static final Pattern THREAD_LINE = Pattern.compile("SQL \\[([^\\]]+)\\] (.*)");

    @BeforeEach
    void emptyTables(Database database) {
        LessonTables.reset(database);
    }

    @Test
    void theRacesSqlPrintsUnderItsHeadingOneNamedTransactionAtATime(Database database) throws Exception {
        List<String> lines = PrintedOutput.withEchoSql(database, JoinsLesson::run).lines().toList();

        int heading = lines.indexOf("Deleting a customer while 4 threads place orders for them:");
        int outcome = indexOfFirst(lines, "  ", " orders placed, ");
        assertThat(heading).isPositive().isLessThan(outcome);
        int firstThreadLine = indexOfFirst(lines, "SQL [", "");
        assertThat(firstThreadLine).isGreaterThan(heading);

        String open = null; // the thread whose transaction is being printed
        int threadLines = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = THREAD_LINE.matcher(lines.get(i));
            if (!m.matches()) {
                assertThat(open).as("line %d interrupts %s's transaction", i + 1, open).isNull();
                continue;
            }
            threadLines++;
            assertThat(i).as("thread lines come between the heading and the outcome").isBetween(heading, outcome);
            assertThat(m.group(1)).matches("inserter-[1-4]|deleter");
            boolean between = m.group(2).startsWith("-- ") // the executor: a retry, a success, giving up
                    || m.group(2).startsWith("<==      Error: "); // a failed COMMIT's answer
            if (open == null && !between) {
                assertThat(m.group(2)).as("line %d", i + 1).startsWith("BEGIN (");
                open = m.group(1);
            } else if (open != null) {
                assertThat(m.group(1)).as("line %d, inside %s's transaction", i + 1, open).isEqualTo(open);
            }
            if (m.group(2).equals("COMMIT") || m.group(2).equals("ROLLBACK")) {
                open = null;
            }
        }
        assertThat(threadLines).as("the race's SQL").isGreaterThan(100);
        assertThat(lines).filteredOn(line -> line.startsWith("SQL "))
                .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(EchoLine.WIDTH));
    }

    private static int indexOfFirst(List<String> lines, String prefix, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix) && lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
