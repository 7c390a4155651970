package crdb.workshop.common.testing;

import crdb.workshop.common.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Ends a CockroachDB session from another connection, as a node restart or an operator would:
 * {@code SHOW session_id} names the session, {@code CANCEL SESSION} ends it, and
 * {@code SHOW CLUSTER SESSIONS} tells when it is gone. (PostgreSQL's counterpart is
 * pg_terminate_backend, which CockroachDB does not have.)
 *
 * <p>A closed session stays listed, with status {@code CLOSED}, in the closed-session cache (up to
 * 1,000 sessions for an hour: sql.closed_session_cache.*, cockroachdb/cockroach
 * pkg/sql/closed_session_cache.go), so "gone" means no longer listed with another status
 * (https://www.cockroachlabs.com/docs/stable/show-sessions#response). Cancelling needs admin, or
 * VIEWACTIVITY and CANCELQUERY (https://www.cockroachlabs.com/docs/stable/cancel-session#required-privileges).
 */
public final class SessionKiller {

    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-f]{1,64}");

    private SessionKiller() {
    }

    /**
     * Counts the rows of {@code sessions} (a table with session_id and status columns) that list
     * session {@code ?} as still open. On CockroachDB the table is {@code [SHOW CLUSTER SESSIONS]};
     * a test runs the same text on PostgreSQL over a VALUES table, which cannot parse the brackets.
     */
    static String stillOpenQuery(String sessions) {
        return "SELECT count(*) FROM " + sessions + " WHERE session_id = ? AND status <> 'CLOSED'";
    }

    /** The id of the CockroachDB session behind {@code connection}. */
    public static String cockroachSessionId(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW session_id")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cancels session {@code id} from a pooled connection and waits (up to 30 s) until the cluster lists it as closed or not at all. */
    public static void cancelCockroachSession(Database database, String id) {
        if (!SESSION_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a CockroachDB session id: " + id);
        }
        try (Connection killer = database.dataSource().getConnection()) {
            try (Statement statement = killer.createStatement()) {
                statement.execute("CANCEL SESSION '" + id + "'");
            }
            killer.commit();
            try (PreparedStatement listed = killer.prepareStatement(stillOpenQuery("[SHOW CLUSTER SESSIONS]"))) {
                listed.setString(1, id);
                for (int i = 0; i < 600; i++) {
                    try (ResultSet rs = listed.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) == 0) {
                            killer.commit();
                            return;
                        }
                    }
                    killer.commit();
                    Thread.sleep(50);
                }
            }
            throw new AssertionError("session " + id + " still listed as open 30 s after CANCEL SESSION");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
