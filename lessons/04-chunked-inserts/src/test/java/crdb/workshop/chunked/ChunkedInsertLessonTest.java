package crdb.workshop.chunked;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.chunked.mapper.PointMapper;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.PrintedOutput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lesson itself, run against a real database: what it leaves in the table and what it says. */
@DatabaseTest
class ChunkedInsertLessonTest {

    @BeforeEach
    void emptyTable(Database database) {
        PointsTable.create(database);
        PointsTable.empty(database); // the tests share this class's database; the lesson never empties it
    }

    /** The lesson's output after the banner line that LessonRunner prints. */
    private static String runLesson(Database database) throws Exception {
        return PrintedOutput.of(database, ChunkedInsertLesson::run);
    }

    private static List<Point> tutorialAndGiant() {
        List<Point> both = new ArrayList<>(Points.generate("tutorial", 10_000));
        both.addAll(Points.generate("giant", 10_000));
        return both;
    }

    @Test
    void theLessonWritesTheTutorialsPointsOnceAndTheGiantLoadBesideThem(Database database) throws Exception {
        String output = runLesson(database);

        PointsTable.assertHoldsExactly(database, tutorialAndGiant());
        assertThat(output)
                .contains("Found 0 of the 10,000 points from an earlier run; writing the 10,000 missing.")
                .contains("Wrote 10,000 rows in 10 chunks (one transaction each)")
                .contains("Sent 10,000 rows in 10 chunks")
                .contains("  chunk 10/10: 10,000 of 10,000 rows (100%)");
        assertThat(output.lines().filter(line -> line.equals("Points of this load in the table: 10000"))).hasSize(2);
    }

    @Test
    void aRerunKeepsTheCommittedChunksAndWritesOnlyWhatIsMissing(Database database) throws Exception {
        List<Point> firstThreeChunks = Points.generate("tutorial", 3_000); // as a run that failed in chunk 4 left it
        insert(database, firstThreeChunks);

        String output = runLesson(database);

        assertThat(output)
                .contains("Found 3,000 of the 10,000 points from an earlier run; writing the 7,000 missing.")
                .contains("Wrote 7,000 rows in 7 chunks (one transaction each)");
        PointsTable.assertHoldsExactly(database, tutorialAndGiant());
    }

    @Test
    void theLessonCanRunAgainOnTheSameDatabase(Database database) throws Exception {
        runLesson(database);
        String again = runLesson(database);

        assertThat(again).contains("Found 10,000 of the 10,000 points from an earlier run; writing the 0 missing.")
                .contains("Points of this load in the table: 10000");
        PointsTable.assertHoldsExactly(database, tutorialAndGiant());
    }

    @Test
    void pointsTheLessonDidNotWriteSurviveItsRunsAndStartingOver(Database database) throws Exception {
        Point theirs = Points.point("someone else's load", 1);
        insert(database, List.of(theirs));
        runLesson(database);

        String over = PrintedOutput.of(database, (db, out) -> ChunkedInsertLesson.run(db, out, true));

        assertThat(over).contains("--start-over: deleted 20,000 of this lesson's points.")
                .contains("Found 0 of the 10,000 points from an earlier run; writing the 10,000 missing.");
        List<Point> expected = tutorialAndGiant();
        expected.add(theirs);
        assertThat(new HashSet<>(PointsTable.contents(database))).isEqualTo(new HashSet<>(expected));
    }

    private static void insert(Database database, List<Point> points) {
        try (SqlSession session = database.sessionFactory().openSession()) {
            session.getMapper(PointMapper.class).insertAll(points);
            session.commit(true);
        }
    }
}
