package crdb.workshop.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The query SessionKiller waits on counts a session as gone once it is listed CLOSED: CockroachDB
 * keeps closed sessions in SHOW CLUSTER SESSIONS for up to an hour. Run on the real server over a
 * VALUES table of the same columns, since PostgreSQL cannot parse {@code [SHOW CLUSTER SESSIONS]};
 * the bracketed source itself is checked only on CockroachDB (ConnectionLossTest).
 */
@DatabaseTest
class SessionKillerQueryTest {

    private static final String LISTED = "(VALUES ('a1', 'ACTIVE'), ('b2', 'CLOSED'), ('c3', 'IDLE'),"
            + " ('d4', 'CLOSED'), ('d4', 'IDLE')) AS sessions (session_id, status)";

    @ParameterizedTest(name = "{0} listed as {2} open")
    @CsvSource({
        "a1, an active session counts as open, 1",
        "c3, an idle session counts as open, 1",
        "b2, a closed session counts as gone, 0",
        "e5, an unlisted session counts as gone, 0",
        "d4, a reused id counts its open row only, 1",
    })
    void aSessionListedClosedCountsAsGone(String id, String what, long open, Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(SessionKiller.stillOpenQuery(LISTED))) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as(what).isEqualTo(open);
            }
            connection.rollback();
        }
    }
}
