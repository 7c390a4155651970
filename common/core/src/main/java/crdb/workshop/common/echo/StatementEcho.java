package crdb.workshop.common.echo;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * One statement on a watched connection: opens the transaction when it runs first, counts the
 * rows of a JDBC batch, reports the SQLSTATE when the server refuses it, and echoes statements
 * sent as plain text (SAVEPOINT cockroach_restart and the like), which MyBatis does not log.
 */
final class StatementEcho implements InvocationHandler {

    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "(?i)^\\s*(BEGIN|START|COMMIT|END|ROLLBACK|ABORT|SAVEPOINT|RELEASE|SET\\s+TRANSACTION)\\b.*",
            Pattern.DOTALL);

    private final Statement statement;
    private final Connection connection;
    private final TransactionEcho transaction;
    private int batchRows;

    private StatementEcho(Statement statement, Connection connection, TransactionEcho transaction) {
        this.statement = statement;
        this.connection = connection;
        this.transaction = transaction;
    }

    static Statement watch(Statement statement, Class<?> type, Connection connection, TransactionEcho transaction) {
        return (Statement) Proxy.newProxyInstance(StatementEcho.class.getClassLoader(), new Class<?>[] {type},
                new StatementEcho(statement, connection, transaction));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("getConnection")) {
            return connection;
        }
        if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
            transaction.echo().parameterSet(index);
        }
        String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
        boolean runs = name.startsWith("execute");
        if (runs && sql != null) {
            textStatement(sql);
        }
        if (name.equals("addBatch")) {
            batchRows++;
        }
        try {
            Object result = method.invoke(statement, args);
            if (runs && sql != null) {
                transaction.statementRan(sql);
            }
            if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                transaction.echo().batchSent(batchRows);
                batchRows = 0;
            }
            return result;
        } catch (InvocationTargetException e) {
            if (runs && e.getCause() instanceof SQLException failure) {
                batchRows = 0;
                transaction.failed(failure);
            }
            throw e.getCause();
        }
    }

    /** SQL sent as text: begins the transaction, and is echoed unless MyBatis logged it already. */
    private void textStatement(String sql) {
        transaction.statementAhead(sql);
        ThreadEcho echo = transaction.echo();
        if (echo.isPending(sql)) {
            return;
        }
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        echo.control(TRANSACTION_CONTROL.matcher(oneLine).matches() ? oneLine : "==>  Executing: " + oneLine);
    }
}
