package crdb.workshop.chunked;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.PrintedOutput;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lesson itself, run against a real database: what it leaves in the table and what it says. */
@DatabaseTest
class ChunkedInsertLessonTest {

    /** The lesson's output after the banner line that LessonRunner prints. */
    private static String runLesson(Database database) throws Exception {
        return PrintedOutput.of(database, ChunkedInsertLesson::run);
    }

    @Test
    void theLessonWritesTheTutorialsPointsOnceAndTheGiantLoadBesideThem(Database database) throws Exception {
        String output = runLesson(database);

        List<Point> table = PointsTable.contents(database);
        assertThat(table).hasSize(20_000);
        assertThat(new HashSet<>(table)) // a set: containsAll on a list of 20,000 is quadratic
                .containsAll(Points.generate("tutorial", 10_000))
                .containsAll(Points.generate("giant", 10_000));
        assertThat(output)
                .contains("Wrote 10,000 rows in 10 chunks (one transaction each)")
                .contains("Sent 10,000 rows in 10 chunks")
                .contains("  chunk 10/10: 10,000 of 10,000 rows (100%)");
        assertThat(output.lines().filter(line -> line.equals("Points in the table: 10000"))).hasSize(2);
    }

    @Test
    void theLessonCanRunAgainOnTheSameDatabase(Database database) throws Exception {
        runLesson(database);
        String again = runLesson(database);
        assertThat(again).contains("Points in the table: 10000");
        assertThat(PointsTable.contents(database)).hasSize(20_000);
    }
}
