package crdb.workshop.common.echo;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Records the calls that reach the pool's connections and statements and can send something to
 * the server, so a test can compare what a unit of work sends with echo on and with echo off.
 */
final class CallsToThePool {

    private static final Set<String> REACH_THE_SERVER = Set.of("prepareStatement", "prepareCall", "createStatement",
            "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch",
            "commit", "rollback", "setSavepoint", "releaseSavepoint", "setTransactionIsolation",
            "getTransactionIsolation", "setAutoCommit", "setReadOnly");

    private final DataSource pool;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    CallsToThePool(DataSource pool) {
        this.pool = pool;
    }

    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(pool, method, args);
                    return result instanceof Connection connection ? record(connection, Connection.class) : result;
                });
    }

    void clear() {
        calls.clear();
    }

    List<String> serverCalls() {
        return List.copyOf(calls);
    }

    private Object record(Object target, Class<?> type) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (REACH_THE_SERVER.contains(method.getName())) {
                calls.add(type.getSimpleName() + "." + method.getName());
            }
            Object result = invoke(target, method, args);
            if (result instanceof PreparedStatement statement) {
                return record(statement, PreparedStatement.class);
            }
            return result instanceof Statement statement ? record(statement, Statement.class) : result;
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
