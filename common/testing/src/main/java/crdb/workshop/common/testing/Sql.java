package crdb.workshop.common.testing;

import crdb.workshop.common.db.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC on a test's database, beside MyBatis and the RetryExecutor rather than through them:
 * to plant rows before a run and to read back what it left. Each call is one transaction on a
 * pooled connection, committed.
 */
public final class Sql {

    private Sql() {
    }

    /** Runs {@code statements} in one transaction, and commits it. */
    public static void execute(Database database, String... statements) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        }
    }

    /** The number a one-row, one-column query returns, such as {@code SELECT count(*) FROM accounts}. */
    public static long count(Database database, String query) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            long n = rs.getLong(1);
            connection.commit();
            return n;
        }
    }

    /** The rows {@code query} returns, each as its columns' text, each followed by a space. */
    public static List<String> rows(Database database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append(' ');
                }
                rows.add(row.toString());
            }
            connection.commit();
        }
        return rows;
    }
}
