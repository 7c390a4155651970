package crdb.workshop.common.echo;

import crdb.workshop.common.SqlState;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One borrowed connection, watched for the transaction's life. With autocommit off (the pool's
 * setting), pgjdbc sends BEGIN with the first statement after a COMMIT or ROLLBACK; this prints
 * BEGIN at that same moment, and COMMIT and ROLLBACK only when there is a transaction to end, as
 * the driver does. Every call goes to the real connection unchanged.
 */
final class TransactionEcho implements InvocationHandler {

    private static final Pattern SET_ISOLATION = Pattern.compile(
            "(?i)^\\s*(?:SET\\s+TRANSACTION|BEGIN(?:\\s+TRANSACTION)?|START\\s+TRANSACTION)\\s+ISOLATION\\s+LEVEL\\s+"
                    + "(READ\\s+COMMITTED|READ\\s+UNCOMMITTED|REPEATABLE\\s+READ|SERIALIZABLE)");
    private static final Pattern OPENS = Pattern.compile("(?i)^\\s*(BEGIN|START\\s+TRANSACTION)\\b.*");
    private static final Pattern ENDS = Pattern.compile("(?i)^\\s*(COMMIT|END|ROLLBACK|ABORT)\\s*(TRANSACTION|WORK)?\\s*;?\\s*");

    private final Connection connection;
    private final String defaultIsolation;
    private String isolation;
    private boolean readOnly;
    private boolean autoCommit;
    private boolean inTransaction;

    TransactionEcho(Connection connection, String defaultIsolation) throws SQLException {
        this.connection = connection;
        this.defaultIsolation = defaultIsolation;
        this.autoCommit = connection.getAutoCommit(); // the pool knows; no round trip
        this.readOnly = connection.isReadOnly();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        ThreadEcho echo = echo();
        switch (method.getName()) {
            case "prepareStatement", "prepareCall" -> {
                statementAhead((String) args[0]);
                Statement statement = (Statement) call(method, args);
                Class<?> type = method.getName().equals("prepareCall") ? CallableStatement.class : PreparedStatement.class;
                return StatementEcho.watch(statement, type, (Connection) proxy, this);
            }
            case "createStatement" -> {
                return StatementEcho.watch((Statement) call(method, args), Statement.class, (Connection) proxy, this);
            }
            case "commit" -> {
                if (inTransaction) {
                    echo.control("COMMIT");
                    end(method, args);
                    return null;
                }
            }
            case "rollback" -> {
                if (args != null && args.length == 1) {
                    echo.control("ROLLBACK TO SAVEPOINT " + name((Savepoint) args[0]));
                } else if (inTransaction) {
                    echo.control("ROLLBACK");
                    end(method, args);
                    return null;
                }
            }
            case "setSavepoint" -> {
                statementAhead("SAVEPOINT");
                Savepoint savepoint = (Savepoint) call(method, args);
                echo.control("SAVEPOINT " + name(savepoint));
                return savepoint;
            }
            case "releaseSavepoint" -> echo.control("RELEASE SAVEPOINT " + name((Savepoint) args[0]));
            case "setAutoCommit" -> {
                boolean on = (Boolean) args[0];
                if (on && inTransaction) {
                    echo.control("COMMIT (autocommit turned back on)");
                    end(method, args);
                    autoCommit = true;
                    return null;
                }
                call(method, args);
                autoCommit = on;
                return null;
            }
            case "setTransactionIsolation" -> {
                call(method, args); // what the connection refuses, the echo does not record
                isolation = isolationName((Integer) args[0]);
                return null;
            }
            case "setReadOnly" -> {
                call(method, args);
                readOnly = (Boolean) args[0];
                return null;
            }
            case "close" -> {
                if (inTransaction) {
                    // The pool rolls back what is left open when a connection comes back.
                    echo.control("ROLLBACK (the pool, as the connection goes back)");
                    inTransaction = false;
                    echo.ended();
                }
            }
            default -> {
            }
        }
        return call(method, args);
    }

    /** A statement is about to run: the transaction begins with it, unless one is open. */
    void statementAhead(String sql) {
        ThreadEcho echo = echo();
        if (inTransaction || autoCommit) {
            return;
        }
        if (OPENS.matcher(sql).matches()) {
            inTransaction = true; // it says BEGIN itself
            echo.openTransactions++;
            return;
        }
        inTransaction = true;
        Matcher set = SET_ISOLATION.matcher(sql);
        String level = set.find() ? set.group(1).replaceAll("\\s+", " ").toUpperCase(Locale.ROOT)
                : isolation != null ? isolation : defaultIsolation.toUpperCase(Locale.ROOT);
        String attempt = echo.attempt > 1 ? "  -- attempt " + echo.attempt : "";
        echo.begin("BEGIN (" + level + (readOnly ? ", READ ONLY" : "") + ")" + attempt);
    }

    /** A statement sent as text ended the transaction: COMMIT, ROLLBACK. */
    void statementRan(String sql) {
        if (inTransaction && ENDS.matcher(sql).matches()) {
            inTransaction = false;
            echo().ended();
        }
    }

    /** A statement failed: its SQLSTATE, and the first line of what the server said. */
    void failed(SQLException e) {
        echo().control("<==      Error: SQLSTATE " + sqlState(e) + ": " + firstLine(e.getMessage()));
    }

    /** The echo of the thread using the connection now. */
    ThreadEcho echo() {
        return EchoConsole.thread();
    }

    private void end(Method method, Object[] args) throws Throwable {
        ThreadEcho echo = echo();
        inTransaction = false;
        try {
            call(method, args);
        } catch (SQLException e) {
            failed(e);
            throw e;
        } finally {
            echo.ended();
        }
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static String sqlState(SQLException e) {
        String state = SqlState.of(e);
        return state == null ? "none" : state;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }

    private static String name(Savepoint savepoint) {
        try {
            return savepoint.getSavepointName();
        } catch (SQLException unnamed) {
            try {
                return "JDBC_SAVEPOINT_" + savepoint.getSavepointId();
            } catch (SQLException e) {
                return "(unnamed)";
            }
        }
    }

    private static String isolationName(int level) {
        return switch (level) {
            case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
            case Connection.TRANSACTION_READ_COMMITTED -> "READ COMMITTED";
            case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
            case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
            default -> "level " + level;
        };
    }
}
