package crdb.workshop.crud;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ExpectedOutput;
import crdb.workshop.common.testing.PrintedOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What docs/02-crud.md shows of --echo-sql is what the lesson echoes. */
@DatabaseTest
class CrudLessonEchoTest {

    private final Database database;

    CrudLessonEchoTest(Database database) {
        this.database = database;
    }

    @BeforeEach
    void startFromAnEmptyTable() {
        BankState.clear(database);
    }

    @Test
    void echoedSqlMatchesTheDocs() throws Exception {
        ExpectedOutput.assertMatches("docs/02-crud.md", "crud-echo", PrintedOutput.withEchoSql(database, CrudLesson::run));
    }
}
