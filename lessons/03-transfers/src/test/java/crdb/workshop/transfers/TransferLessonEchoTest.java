package crdb.workshop.transfers;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ExpectedOutput;
import crdb.workshop.common.testing.PrintedOutput;
import org.junit.jupiter.api.Test;

/** What docs/03-transfers.md shows of --echo-sql (each transfer's transaction) is what the lesson echoes. */
@DatabaseTest
class TransferLessonEchoTest {

    @Test
    void echoedTransactionsMatchTheDocs(Database database) throws Exception {
        ExpectedOutput.assertMatches("docs/03-transfers.md", "transfers-echo",
                PrintedOutput.withEchoSql(database, TransferLesson::run));
    }
}
