package crdb.workshop.common.pool;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.Driver;

/**
 * Connections straight from pgjdbc's Driver, for HikariCP to pool. Handing HikariCP this object,
 * rather than the driver properties, keeps the password and sslpassword out of its DEBUG dump of
 * its configuration (it masks "password" but prints the other properties as they are).
 */
public final class DriverDataSource implements DataSource {

    private static final Driver DRIVER = new Driver();

    private final String jdbcUrl;
    private final Properties properties;
    private final String display;

    public DriverDataSource(String jdbcUrl, Properties properties, String display) {
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
        this.display = display;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties copy = new Properties();
        copy.putAll(properties);
        return DRIVER.connect(jdbcUrl, copy);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the credentials come from DATABASE_URL");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // pgjdbc logs through java.util.logging; see LibraryLogging.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // Set per connection by the loginTimeout property.
    }

    @Override
    public int getLoginTimeout() {
        return Integer.parseInt(properties.getProperty("loginTimeout", "0"));
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("org.postgresql");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    /** What HikariCP's configuration dump shows: where, never the password. */
    @Override
    public String toString() {
        return "pgjdbc to " + display;
    }
}
