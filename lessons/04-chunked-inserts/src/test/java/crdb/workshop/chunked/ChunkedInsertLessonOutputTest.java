package crdb.workshop.chunked;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ExpectedOutput;
import crdb.workshop.common.testing.PrintedOutput;
import org.junit.jupiter.api.Test;

/** docs/04-chunked-inserts.md shows what the lesson prints; this keeps the two in step. */
@DatabaseTest
class ChunkedInsertLessonOutputTest {

    @Test
    void theLessonPrintsWhatTheDocsShow(Database database) throws Exception {
        String printed = PrintedOutput.withBanner(database, ChunkedInsertLesson::run);
        ExpectedOutput.assertMatches("docs/04-chunked-inserts.md", "chunked", printed);
    }
}
