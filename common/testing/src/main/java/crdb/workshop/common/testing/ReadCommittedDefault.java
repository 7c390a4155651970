package crdb.workshop.common.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import crdb.workshop.common.url.ConnectionSettings;
import crdb.workshop.common.db.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Turns a test database into one whose default isolation is READ COMMITTED, as a PostgreSQL
 * server left at its defaults is (and a CockroachDB cluster, role or database can be), and opens
 * it again: the lessons must keep their guarantees there, because they state their isolation.
 */
public final class ReadCommittedDefault {

    private ReadCommittedDefault() {
    }

    /**
     * Sets the default of {@code database}'s database to READ COMMITTED and opens a new pool on it.
     * Skips the test, with the reason, where the server will not run READ COMMITTED (CockroachDB
     * without {@code sql.txn.read_committed_isolation.enabled} runs it as SERIALIZABLE).
     */
    public static Database open(Database database) throws SQLException {
        ConnectionSettings settings = database.settings();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.properties());
             Statement statement = connection.createStatement()) {
            String name = single(statement, "SELECT current_database()");
            // The name comes from the server itself, quoted as an identifier.
            statement.execute("ALTER DATABASE \"" + name.replace("\"", "\"\"") + "\""
                    + " SET default_transaction_isolation = 'read committed'");
        }
        try (Connection fresh = DriverManager.getConnection(settings.jdbcUrl(), settings.properties());
             Statement statement = fresh.createStatement()) {
            String level = single(statement, "SHOW transaction_isolation");
            assumeTrue(level.equalsIgnoreCase("read committed"), "this server runs a READ COMMITTED default as '"
                    + level + "' (on CockroachDB, enable sql.txn.read_committed_isolation.enabled)");
        }
        return Database.open(settings);
    }

    /** The isolation a plain connection to {@code settings} gets, outside the workspace's pool. */
    public static String plainConnectionIsolation(ConnectionSettings settings) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.properties());
             Statement statement = connection.createStatement()) {
            return single(statement, "SHOW transaction_isolation");
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
