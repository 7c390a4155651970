package crdb.workshop.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.url.ConnectionSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ReadCommittedDefault puts the database's own default isolation back when it closes: in the
 * schema-per-class mode the database is the URL's, shared, and outlives the test class. (To run
 * this in that mode: DATABASE_URL to a database the user owns, and -Dworkshop.schemaPerClass=true.)
 */
@DatabaseTest
class ReadCommittedDefaultRestoreTest {

    private Optional<String> prior = Optional.empty();
    private boolean mayAlter;

    /** Skips where this user may not change its database's defaults; writing back what is there tells. */
    @BeforeEach
    void rememberTheDatabasesOwnDefault(Database database) throws SQLException {
        prior = databaseLevel(database);
        try {
            setDatabaseLevel(database, prior);
            mayAlter = true;
        } catch (SQLException e) {
            assumeTrue(!"42501".equals(e.getSQLState()), "this user may not change its database's defaults"
                    + " (ALTER DATABASE needs the owner or an admin)");
            throw e;
        }
    }

    @AfterEach
    void putTheDatabasesOwnDefaultBack(Database database) throws SQLException {
        if (mayAlter) {
            setDatabaseLevel(database, prior);
        }
    }

    @Test
    void aDatabaseWithoutItsOwnDefaultIsLeftWithoutOne(Database database) throws SQLException {
        setDatabaseLevel(database, Optional.empty());
        assertThat(databaseLevel(database)).isEmpty();
        String before = ReadCommittedDefault.plainConnectionIsolation(database.settings());

        try (ReadCommittedDefault readCommitted = ReadCommittedDefault.open(database)) {
            assertThat(databaseLevel(database)).contains("read committed");
            assertThat(ReadCommittedDefault.plainConnectionIsolation(readCommitted.database().settings()))
                    .isEqualToIgnoringCase("read committed");
        }

        assertThat(databaseLevel(database)).isEmpty();
        assertThat(ReadCommittedDefault.plainConnectionIsolation(database.settings())).isEqualTo(before);
    }

    @Test
    void aDatabaseWithItsOwnDefaultGetsItBack(Database database) throws SQLException {
        setDatabaseLevel(database, Optional.of("serializable"));

        ReadCommittedDefault.open(database).close();

        assertThat(databaseLevel(database)).contains("serializable");
        assertThat(ReadCommittedDefault.plainConnectionIsolation(database.settings())).isEqualToIgnoringCase("serializable");
    }

    private static Optional<String> databaseLevel(Database database) throws SQLException {
        ConnectionSettings settings = database.settings();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.properties())) {
            return ReadCommittedDefault.databaseLevelIsolation(connection);
        }
    }

    private static void setDatabaseLevel(Database database, Optional<String> value) throws SQLException {
        execute(database, "ALTER DATABASE " + name(database) + value
                .map(v -> " SET default_transaction_isolation = '" + v.replace("'", "''") + "'")
                .orElse(" RESET default_transaction_isolation"));
    }

    private static String name(Database database) throws SQLException {
        ConnectionSettings settings = database.settings();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.properties());
             Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT current_database()")) {
            rs.next();
            return "\"" + rs.getString(1).replace("\"", "\"\"") + "\"";
        }
    }

    private static void execute(Database database, String sql) throws SQLException {
        ConnectionSettings settings = database.settings();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.properties());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
