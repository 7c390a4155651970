package crdb.workshop.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.ConnectionSettings;
import crdb.workshop.common.db.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ReadCommittedDefault puts the database's own default isolation back when it closes: in the
 * schema-per-class mode the database is the URL's, shared, and outlives the test class.
 */
@DatabaseTest
class ReadCommittedDefaultRestoreTest {

    @AfterEach
    void resetTheDatabase(Database database) throws SQLException {
        execute(database, "ALTER DATABASE " + name(database) + " RESET default_transaction_isolation");
    }

    @Test
    void aDatabaseWithoutItsOwnDefaultIsLeftWithoutOne(Database database) throws SQLException {
        assertThat(databaseLevel(database)).isEmpty();

        try (ReadCommittedDefault readCommitted = ReadCommittedDefault.open(database)) {
            assertThat(databaseLevel(database)).contains("read committed");
            assertThat(ReadCommittedDefault.plainConnectionIsolation(readCommitted.database().settings()))
                    .isEqualToIgnoringCase("read committed");
        }

        assertThat(databaseLevel(database)).isEmpty();
        assertThat(ReadCommittedDefault.plainConnectionIsolation(database.settings()))
                .isNotEqualToIgnoringCase("read committed");
    }

    @Test
    void aDatabaseWithItsOwnDefaultGetsItBack(Database database) throws SQLException {
        execute(database, "ALTER DATABASE " + name(database) + " SET default_transaction_isolation = 'serializable'");

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
