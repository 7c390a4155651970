package crdb.workshop.common.db;

import crdb.workshop.common.url.ConnectionSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Where a test's database server listens, so a test can write the DATABASE_URL a learner would,
 * for any user and database on that server (including ones that do not exist).
 */
public record ServerAddress(String hostAndPort, Properties driverProperties) {

    public static ServerAddress of(Database database) {
        ConnectionSettings settings = database.settings();
        String rest = settings.jdbcUrl().substring("jdbc:postgresql://".length());
        return new ServerAddress(rest.substring(0, rest.indexOf('/')), settings.properties());
    }

    /** The name of the test class's own database. */
    public static String databaseName(Database database) {
        String url = database.settings().jdbcUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The user the test support connects as. */
    public String user() {
        return driverProperties.getProperty("user");
    }

    /** A postgresql:// URL to {@code database} on this server; {@code password} may be null. */
    public String url(String user, String password, String database) {
        StringBuilder url = new StringBuilder("postgresql://").append(encode(user));
        if (password != null) {
            url.append(':').append(encode(password));
        }
        url.append('@').append(hostAndPort).append('/').append(encode(database));
        // Keep the TLS settings the server needs (none for the embedded one: it has no TLS).
        url.append("?sslmode=").append(driverProperties.getProperty("sslmode", "disable"));
        if (driverProperties.containsKey("currentSchema")) {
            // The test support's schema, when the user may not create databases.
            url.append("&currentSchema=").append(driverProperties.getProperty("currentSchema"));
        }
        if (driverProperties.containsKey("sslrootcert")) {
            url.append("&sslrootcert=").append(encode(driverProperties.getProperty("sslrootcert")));
        }
        return url.toString();
    }

    /** A URL for the test support's own user, with its password if it has one. */
    public String url(String database) {
        return url(user(), driverProperties.getProperty("password"), database);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
