package crdb.workshop.common.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import crdb.workshop.common.SqlState;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.url.ConnectionSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Turns a test database into one whose default isolation is READ COMMITTED, as a PostgreSQL
 * server left at its defaults is (and a CockroachDB cluster, role or database can be), and opens
 * it again: the lessons must keep their guarantees there, because they state their isolation.
 *
 * <p>Closing it closes the pool and puts the database's own default back as it was: in the
 * schema-per-class mode (a user without CREATEDB) the database is the URL's, shared with everything
 * else, and is not dropped after the class.
 */
public final class ReadCommittedDefault implements AutoCloseable {

    private static final String SETTING = "default_transaction_isolation";
    /** SQLSTATE 42501: permission denied, on PostgreSQL and CockroachDB alike. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final ConnectionSettings settings;
    private final String databaseName;
    private final Optional<String> previous;
    private final Database database;

    private ReadCommittedDefault(ConnectionSettings settings, String databaseName, Optional<String> previous,
            Database database) {
        this.settings = settings;
        this.databaseName = databaseName;
        this.previous = previous;
        this.database = database;
    }

    /**
     * Sets the default of {@code database}'s database to READ COMMITTED and opens a new pool on it.
     * Skips the test, with the reason, where the server will not run READ COMMITTED (CockroachDB
     * without {@code sql.txn.read_committed_isolation.enabled} runs it as SERIALIZABLE); the default
     * is put back before it skips.
     */
    public static ReadCommittedDefault open(Database database) throws SQLException {
        ConnectionSettings settings = database.settings();
        String name;
        Optional<String> previous;
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.properties());
             Statement statement = connection.createStatement()) {
            name = single(statement, "SELECT current_database()");
            previous = databaseLevelIsolation(connection);
            // ALTER DATABASE ... SET/RESET: https://www.cockroachlabs.com/docs/stable/alter-database
            statement.execute("ALTER DATABASE " + quoted(name) + " SET " + SETTING + " = 'read committed'");
        } catch (SQLException e) {
            assumeTrue(!INSUFFICIENT_PRIVILEGE.equals(SqlState.of(e)), "this user may not change the default"
                    + " isolation of its database (ALTER DATABASE needs the database's owner or an admin): run as"
                    + " the owner to include this test");
            throw e;
        }
        String level;
        try (Connection fresh = DriverManager.getConnection(settings.jdbcUrl(), settings.properties());
             Statement statement = fresh.createStatement()) {
            level = single(statement, "SHOW transaction_isolation");
        }
        ReadCommittedDefault opened = new ReadCommittedDefault(settings, name, previous,
                level.equalsIgnoreCase("read committed") ? Database.open(settings) : null);
        if (opened.database == null) {
            opened.close();
        }
        assumeTrue(opened.database != null, "this server runs a READ COMMITTED default as '"
                + level + "' (on CockroachDB, enable sql.txn.read_committed_isolation.enabled)");
        return opened;
    }

    /** The pool on the database whose default is now READ COMMITTED. */
    public Database database() {
        return database;
    }

    /** Closes the pool and puts the database's default isolation back as it was before {@link #open}. */
    @Override
    public void close() throws SQLException {
        if (database != null) {
            database.close();
        }
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.properties());
             Statement statement = connection.createStatement()) {
            statement.execute(previous
                    .map(value -> "ALTER DATABASE " + quoted(databaseName) + " SET " + SETTING + " = '"
                            + value.replace("'", "''") + "'")
                    .orElse("ALTER DATABASE " + quoted(databaseName) + " RESET " + SETTING));
        }
    }

    /**
     * The database's own setting of the default isolation (not a role's or the server's), if it has
     * one, from pg_db_role_setting (setrole 0 = for every role).
     */
    static Optional<String> databaseLevelIsolation(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT unnest(setconfig) FROM pg_catalog.pg_db_role_setting"
                     + " WHERE setrole = 0 AND setdatabase ="
                     + " (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())")) {
            while (rs.next()) {
                String entry = rs.getString(1);
                if (entry.startsWith(SETTING + "=")) {
                    return Optional.of(entry.substring(SETTING.length() + 1));
                }
            }
            return Optional.empty();
        }
    }

    /** The isolation a plain connection to {@code settings} gets, outside the workspace's pool. */
    public static String plainConnectionIsolation(ConnectionSettings settings) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.properties());
             Statement statement = connection.createStatement()) {
            return single(statement, "SHOW transaction_isolation");
        }
    }

    // The name comes from the server itself, quoted as an identifier.
    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
