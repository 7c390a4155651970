package crdb.workshop.chunked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.chunked.mapper.PointMapper;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.BackendTerminator;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.PrintedOutput;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lesson with its connections killed under it (pg_terminate_backend, five times at random
 * moments): every chunk is an idempotent unit, so the executor retries through each kill, even one
 * that loses a COMMIT's answer, and the run ends as an undisturbed one does.
 */
@DatabaseTest
class ChunkedInsertFaultTest {

    @Test
    void fiveTerminatedBackendsLeaveExactlyTheRowsOfAnUndisturbedRun(Database database) throws Exception {
        assumeFalse(database.isCockroachDb(), "pg_terminate_backend is PostgreSQL's (CANCEL SESSION on CockroachDB)");
        PointsTable.create(database);
        PointsTable.empty(database);
        PrintedOutput.of(database, ChunkedInsertLesson::run);
        List<Point> undisturbed = PointsTable.contents(database);
        PointsTable.empty(database);

        String printed;
        int terminations;
        // Pauses of up to 150 ms: five kills land well within the lesson's seconds of work.
        try (BackendTerminator terminator = BackendTerminator.start(database, 5, 150)) {
            printed = PrintedOutput.of(database, ChunkedInsertLesson::run); // throws if the lesson fails
            terminations = terminator.terminations();
        }

        assertThat(terminations).isEqualTo(5);
        assertThat(printed).contains("Points of this load in the table: 10000");
        // Read through the executor: the pool may still hold a connection the terminator killed.
        List<Point> table = RetryExecutor.withDefaults(database.sessionFactory())
                .inReadOnlyTransaction(session -> session.getMapper(PointMapper.class).findAll());
        assertThat(new HashSet<>(table)).hasSize(20_000).isEqualTo(new HashSet<>(undisturbed));
    }
}
