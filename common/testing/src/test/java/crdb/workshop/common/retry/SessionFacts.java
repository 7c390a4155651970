package crdb.workshop.common.retry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.ibatis.session.SqlSession;

/** Reads a setting of the transaction a callback runs in (SHOW works on both databases). */
final class SessionFacts {

    private SessionFacts() {
    }

    static String show(SqlSession session, String setting) {
        try (Statement statement = session.getConnection().createStatement();
             ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
