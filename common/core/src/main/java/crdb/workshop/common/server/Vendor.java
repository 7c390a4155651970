package crdb.workshop.common.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Which server we are talking to. pgjdbc reports "PostgreSQL" for both, because CockroachDB
 * speaks the PostgreSQL wire protocol, so we ask the server itself.
 */
public enum Vendor {
    COCKROACHDB("cockroachdb"),
    POSTGRESQL("postgresql");

    private final String databaseId;

    Vendor(String databaseId) {
        this.databaseId = databaseId;
    }

    /** The MyBatis databaseId: mapper statements marked with it run only on this vendor. */
    public String databaseId() {
        return databaseId;
    }

    /** Reads {@code SELECT version()}, which CockroachDB answers with "CockroachDB CCL v...". */
    public static Vendor of(Connection connection) throws SQLException {
        return fromVersion(version(connection));
    }

    public static Vendor fromVersion(String version) {
        return version.startsWith("CockroachDB") ? COCKROACHDB : POSTGRESQL;
    }

    public static String version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
