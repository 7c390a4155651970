package crdb.workshop.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import crdb.workshop.common.LibraryLogging;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.url.DatabaseUrl;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * What the libraries could print stays free of secrets and off the console: HikariCP's DEBUG dump
 * of its configuration, and pgjdbc's java.util.logging output unless --verbose.
 */
@DatabaseTest
class QuietLibrariesTest {

    private static final String PASSWORD = "Hunter2Zq7x9";
    private static final String SSL_PASSWORD = "KeyPass4Zq7x9";

    private final ServerAddress server;
    private final String databaseName;

    QuietLibrariesTest(Database database) {
        this.server = ServerAddress.of(database);
        this.databaseName = ServerAddress.databaseName(database);
    }

    @Test
    void poolConfigurationHoldsNoSecretForItsDebugDump() throws IntrospectionException, ReflectiveOperationException {
        // The server's real password where it checks one (DATABASE_URL); the embedded server trusts
        // local users, so there a made-up one travels unchecked.
        String password = server.driverProperties().getProperty("password", PASSWORD);
        String url = server.url(server.user(), password, databaseName) + "&sslpassword=" + SSL_PASSWORD;

        try (Database database = Database.open(DatabaseUrl.parse(url), Duration.ofSeconds(30))) {
            HikariDataSource pool = (HikariDataSource) database.dataSource();

            // HikariConfig.logConfiguration prints every property of the config at DEBUG: read them all.
            for (PropertyDescriptor property : Introspector.getBeanInfo(HikariConfig.class).getPropertyDescriptors()) {
                if (property.getReadMethod() != null && property.getReadMethod().getParameterCount() == 0) {
                    String shown = String.valueOf(read(property, pool));
                    assertThat(shown).as(property.getName()).doesNotContain("Zq7x9").doesNotContain(password);
                }
            }
            assertThat(pool.getDataSourceProperties()).isEmpty();
            assertThat(String.valueOf(pool.getDataSource())).startsWith("pgjdbc to postgresql://");
        }
    }

    @Test
    void pgjdbcLogsNothingUnlessVerbose() {
        LibraryLogging.quiet();

        assertThat(Logger.getLogger("org.postgresql").getLevel()).isEqualTo(Level.OFF);
    }

    private static Object read(PropertyDescriptor property, HikariDataSource pool) throws IllegalAccessException {
        try {
            return property.getReadMethod().invoke(pool);
        } catch (InvocationTargetException e) {
            return "(" + e.getCause().getClass().getSimpleName() + ")";
        }
    }
}
