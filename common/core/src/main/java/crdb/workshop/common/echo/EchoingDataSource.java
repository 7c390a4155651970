package crdb.workshop.common.echo;

import com.zaxxer.hikari.HikariConfig;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool as MyBatis and the RetryExecutor see it. While echo is on, each connection it hands out
 * reports the transaction around the statements: BEGIN (with its isolation level), SAVEPOINT,
 * COMMIT, ROLLBACK, and the SQLSTATE of what failed. It only watches: it sends nothing of its
 * own to the server. While echo is off it hands out the pool's connections untouched.
 */
public final class EchoingDataSource implements DataSource {

    private final DataSource pool;
    private final String defaultIsolation;

    private EchoingDataSource(DataSource pool, String defaultIsolation) {
        this.pool = pool;
        this.defaultIsolation = defaultIsolation;
    }

    /**
     * @param defaultIsolation the isolation level a transaction gets unless it asks for another,
     *                         as the server spells it ("serializable", "read committed")
     */
    public static DataSource wrap(DataSource pool, String defaultIsolation) {
        if (pool instanceof HikariConfig config) {
            SecretMask.remember(config.getPassword());
            SecretMask.remember(config.getDataSourceProperties().getProperty("password"));
        }
        return new EchoingDataSource(pool, defaultIsolation);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return watch(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return watch(pool.getConnection(username, password));
    }

    private Connection watch(Connection connection) throws SQLException {
        if (!EchoConsole.isOn()) {
            return connection;
        }
        return (Connection) Proxy.newProxyInstance(EchoingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new TransactionEcho(connection, defaultIsolation));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
