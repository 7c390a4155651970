package crdb.workshop.chunked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.chunked.exercise.PointLoader;
import crdb.workshop.chunked.exercise.PointLoaderExercise;
import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.chunked.solution.PointLoaderSolution;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.Exercise;
import crdb.workshop.common.testing.Exercises;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exercise 04: TODO-01 to TODO-03 in {@link PointLoaderExercise}, the tutorial's add_points by
 * hand. TODO-01 refuses a bad chunk size; TODO-02 writes one retried transaction per chunk;
 * TODO-03 (Optional) lets a chunk exceed pgjdbc's 65,535 bind parameters.
 * Run against your code: ./mvnw test -pl lessons/04-chunked-inserts -am -Dexercises=learner
 */
@Exercise
@DatabaseTest
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
    void loadWritesEveryPointExactlyOnce() {
        List<Point> points = Points.generate("exercise", 25);
        loader.load(retry, points, 10);
        PointsTable.assertHoldsExactly(database, points);
    }

    @Test
    void loadReturnsOneCommittedChunkPerChunkSizeOfPoints() {
        assertThat(loader.load(retry, Points.generate("exercise", 25), 10)).isEqualTo(3);
        assertThat(loader.load(retry, Points.generate("exercise-b", 10), 10)).isEqualTo(1);
        assertThat(loader.load(retry, List.of(), 10)).isZero();
    }

    @Test
    void aBadPointRollsBackItsOwnChunkAndKeepsTheOnesBefore() {
        List<Point> points = new ArrayList<>(Points.generate("exercise", 25));
        points.set(22, PointsTable.outsideTheCube(points.get(22))); // in the third chunk of ten

        assertThatThrownBy(() -> loader.load(retry, points, 10)).isInstanceOf(RuntimeException.class);
        PointsTable.assertHoldsExactly(database, points.subList(0, 20));
    }

    @Test
    void aChunkSizeBelowOneIsRefusedBeforeAnythingIsWritten() {
        List<Point> points = Points.generate("exercise", 5);
        assertThatThrownBy(() -> loader.load(retry, points, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        assertThat(PointsTable.contents(database)).isEmpty();
    }

    @Test
    void aChunkAboveTheBindParameterLimitGoesOutAsSeveralStatements() {
        List<Point> points = Points.generate("exercise-big", 20_000); // 80,000 parameters as one statement
        assertThat(loader.load(retry, points, 20_000)).isEqualTo(1);
        PointsTable.assertHoldsExactly(database, points);
    }
}
