package crdb.workshop.chunked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.chunked.insert.PointWrites;
import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.common.chunk.ChunkFailedException;
import crdb.workshop.common.chunk.ChunkWrite;
import crdb.workshop.common.chunk.ChunkedWriteReport;
import crdb.workshop.common.chunk.ChunkedWriter;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ServerError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lesson's load failing part-way for real (a point outside the cube, refused by the CHECK
 * constraint) and run again: what stays, what goes, and why COPY cannot simply be re-run.
 */
@DatabaseTest
class ChunkedLoadTest {

    private final Database database;

    ChunkedLoadTest(Database database) {
        this.database = database;
    }

    @BeforeAll
    static void createTable(Database database) {
        PointsTable.create(database);
    }

    @BeforeEach
    void emptyTable() {
        PointsTable.empty(database);
    }

    private ChunkedWriter<Point> writer(ChunkWrite<Point> write) {
        return ChunkedWriter.<Point>into(database.sessionFactory()).chunkSize(100).build(write);
    }

    @Test
    void aBadPointInChunkFourKeepsChunksOneToThreeAndNothingOfFour() {
        List<Point> points = new ArrayList<>(Points.generate("recovery", 1_000));
        points.set(345, PointsTable.outsideTheCube(points.get(345)));

        assertThatThrownBy(() -> writer(PointWrites::multiRowInsert).write(points))
                .isInstanceOfSatisfying(ChunkFailedException.class, e -> assertThat(e.chunk()).isEqualTo(4))
                .hasMessageContaining("Chunk 4 (rows 301 to 400) failed and was rolled back")
                .satisfies(e -> assertThat(ServerError.in(e))
                        .isEqualTo(new ServerError("23514", "points_inside_the_cube"))); // check_violation
        PointsTable.assertHoldsExactly(database, points.subList(0, 300));
    }

    @Test
    void theSameLoadRunAgainAfterTheFixWritesEachPointOnce() {
        List<Point> good = Points.generate("recovery", 1_000);
        List<Point> points = new ArrayList<>(good);
        points.set(345, PointsTable.outsideTheCube(points.get(345)));
        assertThatThrownBy(() -> writer(PointWrites::multiRowInsert).write(points))
                .isInstanceOf(ChunkFailedException.class);

        ChunkedWriteReport report = writer(PointWrites::multiRowInsert).write(good); // the input fixed

        assertThat(report.rows()).isEqualTo(1_000);
        assertThat(report.chunks()).isEqualTo(10);
        PointsTable.assertHoldsExactly(database, good);
    }

    @Test
    void copyHasNoOnConflictSoARerunOverCommittedChunksFails() {
        List<Point> points = Points.generate("copy", 300);
        writer(PointWrites::copy).write(points.subList(0, 100)); // a first run that stopped after one chunk

        assertThatThrownBy(() -> writer(PointWrites::copy).write(points))
                .isInstanceOfSatisfying(ChunkFailedException.class, e -> assertThat(e.chunk()).isEqualTo(1))
                .satisfies(e -> assertThat(ServerError.in(e).sqlState()).isEqualTo("23505")); // unique_violation
        PointsTable.assertHoldsExactly(database, points.subList(0, 100));
    }
}
