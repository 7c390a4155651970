package crdb.workshop.chunked.insert;

import crdb.workshop.chunked.mapper.Point;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Points through {@code COPY points FROM STDIN} with pgjdbc's CopyManager. CockroachDB accepts
 * COPY FROM STDIN from drivers too; the text format (tab-separated, one row a line) suits both.
 */
public final class PointCopy {

    public static final String COPY_SQL = "COPY points (id, x, y, z) FROM STDIN";

    private PointCopy() {
    }

    /** Copies {@code points} in the connection's current transaction; returns the rows copied. */
    public static long copyIn(Connection connection, List<Point> points) throws SQLException {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(COPY_SQL, new StringReader(text(points)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not stream points to COPY", e);
        }
    }

    /** COPY's text format. Double.toString prints the shortest text that reads back exactly. */
    static String text(List<Point> points) {
        StringBuilder text = new StringBuilder(points.size() * 80);
        for (Point p : points) {
            text.append(p.id()).append('\t').append(p.x()).append('\t').append(p.y()).append('\t')
                    .append(p.z()).append('\n');
        }
        return text.toString();
    }
}
