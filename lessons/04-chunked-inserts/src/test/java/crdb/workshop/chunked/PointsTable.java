package crdb.workshop.chunked;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.chunked.mapper.PointMapper;
import crdb.workshop.common.db.Database;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import org.apache.ibatis.session.SqlSession;

/** The lesson's table as the tests see it: created, emptied, read back. */
final class PointsTable {

    private PointsTable() {
    }

    static void create(Database database) {
        database.runScript("crdb/workshop/chunked/schema.sql");
    }

    static void empty(Database database) {
        try (SqlSession session = database.sessionFactory().openSession(true)) {
            session.getMapper(PointMapper.class).truncate();
        }
    }

    /** Every point in the table, ordered by id. */
    static List<Point> contents(Database database) {
        try (SqlSession session = database.sessionFactory().openSession()) {
            return session.getMapper(PointMapper.class).findAll();
        }
    }

    /**
     * Checks that the table holds exactly {@code expected}: the same points, each once, coordinates
     * included. Compared as sets (ids are unique), so 20,000 points take milliseconds, not minutes.
     */
    static void assertHoldsExactly(Database database, Collection<Point> expected) {
        assertHoldsExactly(database, expected, "every point given, each once");
    }

    /** The same, with {@code what} saying what the table should hold and why. */
    static void assertHoldsExactly(Database database, Collection<Point> expected, String what) {
        List<Point> table = contents(database);
        assertThat(table).as("rows in the points table: " + what).hasSize(expected.size());
        assertThat(new HashSet<>(table)).as("points in the table: " + what).isEqualTo(new HashSet<>(expected));
    }

    /** A point outside the cube: the CHECK constraint refuses it. */
    static Point outsideTheCube(Point point) {
        return new Point(point.id(), -1, point.y(), point.z());
    }
}
