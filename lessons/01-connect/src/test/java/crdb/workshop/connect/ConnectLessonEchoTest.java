package crdb.workshop.connect;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ExpectedOutput;
import crdb.workshop.common.testing.PrintedOutput;
import org.junit.jupiter.api.Test;

/** What docs/01-connect.md shows under "Watch the SQL" is what --echo-sql prints. */
@DatabaseTest
class ConnectLessonEchoTest {

    @Test
    void echoedSqlMatchesTheDocs(Database database) throws Exception {
        ExpectedOutput.assertMatches("docs/01-connect.md", "connect-echo",
                PrintedOutput.withEchoSql(database, ConnectLesson::run));
    }
}
