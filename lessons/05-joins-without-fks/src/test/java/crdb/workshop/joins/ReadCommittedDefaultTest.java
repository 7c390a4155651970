package crdb.workshop.joins;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ExpectedOutput;
import crdb.workshop.common.testing.PrintedOutput;
import crdb.workshop.common.testing.ReadCommittedDefault;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lesson on a database whose default isolation is READ COMMITTED (a PostgreSQL server left at
 * its defaults): its transactions state SERIALIZABLE, so the existence check still keeps every
 * order's customer, run after run.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadCommittedDefaultTest {

    private ReadCommittedDefault readCommittedDefault;
    private Database readCommittedByDefault;

    @BeforeAll
    void open(Database database) throws Exception {
        readCommittedDefault = ReadCommittedDefault.open(database);
        readCommittedByDefault = readCommittedDefault.database();
        LessonTables.reset(readCommittedByDefault);
    }

    @AfterAll
    void close() throws Exception {
        if (readCommittedDefault != null) {
            readCommittedDefault.close();
        }
    }

    @Test
    void everyRunPrintsWhatTheDocsShowAndLeavesNoOrphan() throws Exception {
        for (int run = 1; run <= 3; run++) {
            String printed = PrintedOutput.withBanner(readCommittedByDefault, JoinsLesson::run);

            ExpectedOutput.assertMatches("docs/05-joins-without-fks.md", "joins",
                    printed.replace("Removed 7 customers and orders an earlier run of this lesson left.\n", ""));
            assertThat(LessonTables.of(readCommittedByDefault).orphans()).as("run " + run).isEmpty();
        }
    }

    @Test
    void theRaceLeavesNoOrphan() throws Exception {
        for (int race = 1; race <= 5; race++) {
            DeleteVersusInsertRace.run(readCommittedByDefault.sessionFactory(), 4, 25, Duration.ofMinutes(2));

            assertThat(LessonTables.of(readCommittedByDefault).orphans()).as("race " + race).isEmpty();
        }
    }
}
