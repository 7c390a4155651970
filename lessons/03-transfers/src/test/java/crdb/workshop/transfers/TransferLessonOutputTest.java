package crdb.workshop.transfers;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ExpectedOutput;
import crdb.workshop.common.testing.PrintedOutput;
import org.junit.jupiter.api.Test;

/** What the lesson prints is what docs/03-transfers.md says it prints. */
@DatabaseTest
class TransferLessonOutputTest {

    @Test
    void outputMatchesTheDocs(Database database) throws Exception {
        String printed = PrintedOutput.withBanner(database, TransferLesson::run);

        ExpectedOutput.assertMatches("docs/03-transfers.md", "transfers", printed);
    }
}
