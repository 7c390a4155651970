package crdb.workshop.chunked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import crdb.workshop.chunked.exercise.PointLoader;
import crdb.workshop.chunked.exercise.PointLoaderExercise;
import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.chunked.solution.PointLoaderSolution;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.Exercise;
import crdb.workshop.common.testing.Exercises;
import crdb.workshop.common.testing.Todo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exercise 04: TODO-01 to TODO-03 in {@link PointLoaderExercise}, the tutorial's add_points by
 * hand. TODO-01 refuses a bad chunk size; TODO-02 writes one retried transaction per chunk;
 * TODO-03 (Optional) lets a chunk exceed pgjdbc's 65,535 bind parameters.
 * Run against your code: ./mvnw -q -pl lessons/04-chunked-inserts -am test-compile exec:java@exercises
 */
@Exercise
@DatabaseTest
@Timeout(120) // a loop that never ends (a chunk size of 0 let through) fails instead of hanging
class PointLoaderTest {

    private final PointLoader loader = Exercises.pick(PointLoaderSolution::new, PointLoaderExercise::new);
    private final Database database;
    private final RetryExecutor retry;

    PointLoaderTest(Database database) {
        this.database = database;
        this.retry = RetryExecutor.withDefaults(database.sessionFactory());
    }

    @BeforeAll
    static void createTable(Database database) {
        PointsTable.create(database);
    }

    @BeforeEach
    void emptyTable() {
        PointsTable.empty(database);
    }

    @Test
    @Todo(2)
    void loadWritesEveryPointExactlyOnce() {
        List<Point> points = Points.generate("exercise", 25);
        loader.load(retry, points, 10);
        PointsTable.assertHoldsExactly(database, points);
    }

    @Test
    @Todo(2)
    void loadReturnsOneCommittedChunkPerChunkSizeOfPoints() {
        assertThat(loader.load(retry, Points.generate("exercise", 25), 10))
                .as("load(25 points, chunks of 10): chunks committed, 10 + 10 + 5").isEqualTo(3);
        assertThat(loader.load(retry, Points.generate("exercise-b", 10), 10))
                .as("load(10 points, chunks of 10): one chunk, and no empty one after it").isEqualTo(1);
        assertThat(loader.load(retry, List.of(), 10)).as("load(no points): no chunk").isZero();
    }

    @Test
    @Todo(2)
    void aBadPointRollsBackItsOwnChunkAndKeepsTheOnesBefore() {
        List<Point> points = new ArrayList<>(Points.generate("exercise", 25));
        points.set(22, PointsTable.outsideTheCube(points.get(22))); // in the third chunk of ten

        assertThat(catchThrowable(() -> loader.load(retry, points, 10)))
                .as("load(25 points, chunks of 10) where point 22 breaks the CHECK constraint: the error reaches the caller")
                .isInstanceOf(RuntimeException.class);
        PointsTable.assertHoldsExactly(database, points.subList(0, 20),
                "after point 22 failed: the first two chunks (20 points) committed, each in a transaction of its own,"
                        + " and nothing of the third");
    }

    @ParameterizedTest(name = "chunk size {0}")
    @ValueSource(ints = {0, -5})
    @Todo(1)
    void aChunkSizeBelowOneIsRefusedBeforeAnythingIsWritten(int chunkSize) {
        List<Point> points = Points.generate("exercise", 5);
        assertThat(catchThrowable(() -> loader.load(retry, points, chunkSize)))
                .as("load(5 points, chunk size %d): an IllegalArgumentException whose message names the chunk size"
                        + " and its value, e.g. \"chunk size must be at least 1, was %d\"", chunkSize, chunkSize)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(?is).*chunk size.*")
                .hasMessageContaining(String.valueOf(chunkSize));
        assertThat(PointsTable.contents(database)).as("rows written before the refusal").isEmpty();
    }

    @Test
    @Todo(value = 3, optional = true)
    void aChunkAboveTheBindParameterLimitGoesOutAsSeveralStatements() {
        List<Point> points = Points.generate("exercise-big", 16_500); // 66,000 parameters as one statement: over 65,535
        assertThat(loader.load(retry, points, 16_500))
                .as("load(16,500 points, one chunk of 16,500): one chunk, sent as several INSERTs of at most"
                        + " 65,535 parameters each").isEqualTo(1);
        PointsTable.assertHoldsExactly(database, points);
    }

    @Test
    @Todo(value = 3, optional = true)
    void theStatementsOfOneChunkShareItsTransaction() {
        List<Point> points = new ArrayList<>(Points.generate("exercise-big", 16_500));
        points.set(16_499, PointsTable.outsideTheCube(points.get(16_499))); // in the chunk's last statement

        assertThat(catchThrowable(() -> loader.load(retry, points, 16_500)))
                .as("load(16,500 points, one chunk) whose last point breaks the CHECK constraint").isInstanceOf(RuntimeException.class);
        assertThat(PointsTable.contents(database))
                .as("rows left by the failed chunk: none, since all its INSERTs belong to one transaction"
                        + " (one useTransaction per chunk, not one per statement)").isEmpty();
    }
}
