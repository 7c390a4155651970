package crdb.workshop.springboot;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ExpectedOutput;
import crdb.workshop.common.testing.PrintedOutput;
import org.junit.jupiter.api.Test;

/** What the lesson prints (a service started, the tutorial's transfer over HTTP) is what docs/06-spring-boot.md says. */
@DatabaseTest
class SpringBootLessonOutputTest {

    @Test
    void outputMatchesTheDocs(Database database) throws Exception {
        String printed = PrintedOutput.withBanner(database, SpringBootLesson::run);

        ExpectedOutput.assertMatches("docs/06-spring-boot.md", "spring-boot", printed);
    }
}
