package crdb.workshop.transfers;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The one fault the server cannot stage for us: a COMMIT that is applied, whose answer never
 * reaches the client. Everything the server runs before it answers is still part of the COMMIT
 * (a trigger that fails rolls it back), so the answer is lost here, on the client's side: the
 * next {@code n} commits go to the real server and are applied, and then the connection reports
 * what pgjdbc reports when the network fails (SQLSTATE 08006).
 */
final class LostCommitAnswers implements DataSource {

    private final DataSource real;
    private final AtomicInteger toLose = new AtomicInteger();

    LostCommitAnswers(DataSource real) {
        this.real = real;
    }

    /** The next {@code n} commits are applied, and their answers lost. */
    void loseNext(int n) {
        toLose.set(n);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = real.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("commit") && toLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new SQLException("An I/O error occurred while sending to the backend (the COMMIT"
                                + " was applied; this answer was lost on purpose)", "08006");
                    }
                    return result;
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("use getConnection()");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return real.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        real.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        real.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return real.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return real.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return real.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return real.isWrapperFor(iface);
    }
}
