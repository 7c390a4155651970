package crdb.workshop.connect.solution;

import crdb.workshop.connect.exercise.ConnectionFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The reference solution to exercise 01. Try the exercise before you read it. */
public class ConnectionFactsSolution implements ConnectionFacts {

    @Override
    public String currentDatabase(Connection connection) throws SQLException {
        return queryOne(connection, "SELECT current_database()");
    }

    @Override
    public int countTables(Connection connection) throws SQLException {
        return Integer.parseInt(queryOne(connection, "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"));
    }

    @Override
    public String transactionIsolation(Connection connection) throws SQLException {
        return queryOne(connection, "SHOW transaction_isolation");
    }

    private static String queryOne(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
