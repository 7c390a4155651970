package crdb.workshop.crud;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ExpectedOutput;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The docs page shows what the lessons really print (the runner's banner line stands in as "Database: test"). */
@DatabaseTest
class LessonOutputTest {

    private final Database database;

    LessonOutputTest(Database database) {
        this.database = database;
    }

    @BeforeEach
    void startFromAnEmptyTable() {
        BankState.clear(database);
    }

    @Test
    void crudLessonPrintsWhatTheDocsShow() {
        String printed = LessonOutput.crud(database, new Random()).text();

        ExpectedOutput.assertMatches("docs/02-crud.md", "crud", "Database: test\n" + printed);
    }

    @Test
    void queryBuilderLessonPrintsWhatTheDocsShow() {
        String printed = LessonOutput.queryBuilder(database).text();

        ExpectedOutput.assertMatches("docs/02-crud-2-query-builder.md", "query-builder", "Database: test\n" + printed);
    }
}
