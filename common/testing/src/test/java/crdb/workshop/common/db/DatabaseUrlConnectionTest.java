package crdb.workshop.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.url.ConnectionSettings;
import crdb.workshop.common.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What DatabaseUrl hands pgjdbc really arrives at the server. */
@DatabaseTest
class DatabaseUrlConnectionTest {

    private final ServerAddress server;
    private final String databaseName;

    DatabaseUrlConnectionTest(Database database) {
        this.server = ServerAddress.of(database);
        this.databaseName = ServerAddress.databaseName(database);
    }

    @Test
    void applicationNameReachesTheServer() throws SQLException {
        ConnectionSettings settings = DatabaseUrl.parse(server.url(databaseName) + "&application_name=bank-lesson");

        assertThat(ask(settings, "SELECT current_setting('application_name')")).isEqualTo("bank-lesson");
    }

    @Test
    void optionsSetSessionVariablesOnTheServer() throws SQLException {
        // Both CockroachDB and PostgreSQL read -c name=value from the startup options.
        ConnectionSettings settings = DatabaseUrl.parse(server.url(databaseName)
                + "&options=-c%20statement_timeout%3D4321");

        assertThat(ask(settings, "SHOW statement_timeout")).isIn("4321", "4321ms", "4.321s");
    }

    @Test
    void percentEncodedUserNameAndPasswordLogIn(Database database) throws SQLException {
        Assumptions.assumeFalse(database.isCockroachDb(),
                "creates a login role without a password, which a secure CockroachDB cluster refuses");
        String user = "bank app+1@branch";
        try (LoginRole role = LoginRole.create(database, user, "p@ss/w0rd+Zq7")) {
            String url = "postgresql://bank%20app%2B1%40branch:p%40ss%2Fw0rd%2BZq7@" + server.hostAndPort() + "/"
                    + databaseName + "?sslmode=disable";

            ConnectionSettings settings = DatabaseUrl.parse(url);

            assertThat(settings.properties()).containsEntry("password", "p@ss/w0rd+Zq7");
            assertThat(ask(settings, "SELECT current_user")).isEqualTo(user);
            assertThat(ask(settings, "SELECT current_database()")).isEqualTo(databaseName);
        }
    }

    @Test
    void multiHostUrlConnectsToTheSecondHostWhenTheFirstRefuses() throws SQLException {
        // Port 1 on loopback refuses at once; pgjdbc moves on to the next host, as for a CockroachDB node that is down.
        String url = server.url(databaseName).replace("@" + server.hostAndPort(),
                "@127.0.0.1:1," + server.hostAndPort());
        assertThat(url).contains("127.0.0.1:1," + server.hostAndPort());

        try (Database database = Database.open(DatabaseUrl.parse(url));
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_database()")) {
            rs.next();
            // The test class's own database, whose name no other server has.
            assertThat(rs.getString(1)).isEqualTo(databaseName);
        }
    }

    @Test
    void atInApplicationNameConnectsToTheAuthoritysServer() throws SQLException {
        ConnectionSettings settings = DatabaseUrl.parse(server.url(databaseName) + "&application_name=me@corp");

        assertThat(ask(settings, "SELECT current_database()")).isEqualTo(databaseName);
        assertThat(ask(settings, "SELECT current_setting('application_name')")).isEqualTo("me@corp");
    }

    private static String ask(ConnectionSettings settings, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.properties());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
