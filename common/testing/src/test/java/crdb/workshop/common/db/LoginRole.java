package crdb.workshop.common.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * A login role a test makes for itself, with a password, so that it logs in on a server that
 * checks passwords (a PostgreSQL at its defaults through DATABASE_URL) as on the embedded one that
 * trusts local users; dropped when the test is done. Where the test's user may not create roles
 * (no CREATEROLE), the test is skipped with that reason.
 */
public record LoginRole(Database database, String name) implements AutoCloseable {

    /** Makes role {@code name} (dropping one of that name first) that logs in with {@code password}. */
    public static LoginRole create(Database database, String name, String password) throws SQLException {
        try (Connection admin = admin(database); Statement statement = admin.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS " + quoted(name));
            statement.execute("CREATE ROLE " + quoted(name) + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
        } catch (SQLException e) {
            Assumptions.assumeFalse("42501".equals(e.getSQLState()),
                    "creating a role needs CREATEROLE, which this server's user lacks");
            throw e;
        }
        return new LoginRole(database, name);
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = admin(database); Statement statement = admin.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS " + quoted(name));
        }
    }

    private static Connection admin(Database database) throws SQLException {
        return DriverManager.getConnection(database.settings().jdbcUrl(), database.settings().properties());
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
