package crdb.workshop.connect;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ExpectedOutput;
import crdb.workshop.common.testing.PrintedOutput;
import org.junit.jupiter.api.Test;

/** What docs/01-connect.md shows under "Expected output" is what the lesson prints. */
@DatabaseTest
class ConnectLessonOutputTest {

    @Test
    void outputMatchesTheDocs(Database database) throws Exception {
        ExpectedOutput.assertMatches("docs/01-connect.md", "connect",
                PrintedOutput.withBanner(database, ConnectLesson::run));
    }
}
