package crdb.workshop.joins;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.PrintedOutput;
import crdb.workshop.common.testing.ExpectedOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lesson end to end: it prints what docs/05-joins-without-fks.md says, and leaves no orphan. */
@DatabaseTest
class JoinsLessonTest {

    private static final String PAGE = "docs/05-joins-without-fks.md";

    @BeforeEach
    void emptyTables(Database database) {
        LessonTables.reset(database); // as on a fresh database: the tests share this class's database
    }

    private static String runLesson(Database database) throws Exception {
        return PrintedOutput.withBanner(database, JoinsLesson::run);
    }

    @Test
    void lessonPrintsWhatTheDocsShowAndLeavesNoOrphans(Database database) throws Exception {
        String printed = runLesson(database);

        ExpectedOutput.assertMatches(PAGE, "joins", printed);
        LessonTables tables = LessonTables.of(database);
        assertThat(tables.orphans()).isEmpty();
        assertThat(tables.customerCount()).as("the race's customer was deleted").isEqualTo(3);
        assertThat(tables.orderCount()).as("the orphan was deleted, the race's orders went with their customer")
                .isEqualTo(4);
    }

    @Test
    void aSecondRunStartsFromEmptyTablesAndSaysSo(Database database) throws Exception {
        runLesson(database);

        String second = runLesson(database);

        String removed = "Removed 7 customers and orders left by an earlier run.\n";
        assertThat(second).contains(removed);
        ExpectedOutput.assertMatches(PAGE, "joins", second.replace(removed, ""));
        assertThat(LessonTables.of(database).orderCount()).isEqualTo(4);
    }
}
