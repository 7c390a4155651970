package crdb.workshop.connect;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ExpectedOutput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What docs/01-connect.md shows under "Expected output" is what the lesson prints. */
@DatabaseTest
class ConnectLessonOutputTest {

    @Test
    void outputMatchesTheDocs(Database database) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConnectLesson.run(database, new PrintStream(out, true, StandardCharsets.UTF_8));

        // The runner prints the banner before the lesson; it names this machine's database, so the docs say <any>.
        ExpectedOutput.assertMatches("docs/01-connect.md", "connect",
                "Database: test\n" + out.toString(StandardCharsets.UTF_8));
    }
}
