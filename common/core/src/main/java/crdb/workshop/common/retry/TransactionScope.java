package crdb.workshop.common.retry;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.defaults.DefaultSqlSession;
import org.apache.ibatis.transaction.managed.ManagedTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt as the callback sees it: a fresh MyBatis session (so a fresh first-level cache and
 * fresh mappers) over the attempt's connection, behind a guard. The executor owns the
 * transaction; the scope refuses the callback's attempts to take it over, remembers them even if
 * the callback catches the refusal, and goes dead when the attempt ends.
 */
final class TransactionScope implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransactionScope.class);

    /** The scope whose callback is running on this thread: how a nested call is caught. */
    private static final ThreadLocal<TransactionScope> RUNNING = new ThreadLocal<>();

    private final SqlSession session;
    private final Connection connection;
    private volatile boolean open = true;
    private volatile TransactionMisuseException misuse;

    TransactionScope(Configuration configuration, ExecutorType executorType, Connection connection) {
        // A ManagedTransaction runs MyBatis's statements on our connection but never commits, rolls
        // back or closes it: those belong to the executor.
        Executor executor = configuration.newExecutor(new ManagedTransaction(connection, false), executorType);
        this.session = new DefaultSqlSession(configuration, executor, false);
        this.connection = connection;
    }

    /** Throws if a RetryExecutor callback is already running on this thread. */
    static void refuseNesting() {
        TransactionScope outer = RUNNING.get();
        if (outer != null) {
            throw outer.refuse("A RetryExecutor transaction is already running on this thread: do not start another"
                    + " one inside its callback. The inner one would commit on its own and be retried on its own;"
                    + " pass the session you were given to the inner code instead.");
        }
    }

    /** Runs the callback, then sends any batched statements, so that only COMMIT is left to do. */
    <T> T run(TransactionCallback<T> work) {
        T result;
        RUNNING.set(this);
        try {
            result = work.doInTransaction(new GuardedSqlSession(session, this));
        } catch (RuntimeException | Error e) {
            TransactionMisuseException refused = misuse;
            if (refused != null && refused != e) {
                refused.addSuppressed(e);
                throw refused;
            }
            throw e;
        } finally {
            // null, not remove(): the thread keeps its entry, so the next transaction's get() and
            // set() find it instead of creating it again (a profile showed that churn per transfer).
            RUNNING.set(null);
        }
        if (misuse != null) {
            throw misuse; // the callback caught the refusal and carried on: still refused
        }
        session.flushStatements();
        return result;
    }

    /**
     * MyBatis's side of a commit that already happened on the connection: no SQL is sent (the
     * transaction is managed), but second-level caches learn about the change.
     */
    void committed() {
        try {
            session.commit(true);
        } catch (RuntimeException e) {
            log.warn("The transaction committed, but MyBatis failed to update its caches", e);
        }
    }

    /** Ends the scope: the session and its mappers refuse any further use. */
    @Override
    public void close() {
        open = false;
        try {
            session.close();
        } catch (RuntimeException e) {
            log.debug("Closing the attempt's session failed", e);
        }
    }

    /** Records the first misuse, so a callback that catches the exception still fails. */
    TransactionMisuseException refuse(String message) {
        TransactionMisuseException e = new TransactionMisuseException(message);
        if (misuse == null) {
            misuse = e;
        }
        return e;
    }

    TransactionMisuseException refuseTransactionControl(String what) {
        return refuse("Do not " + what + " inside a RetryExecutor callback: the executor commits after the callback"
                + " returns, rolls back when it throws, closes the session, and retries the whole unit of work."
                + " Return a value, or throw an exception to abandon the transaction.");
    }

    void checkOpen() {
        if (!open) {
            throw new TransactionMisuseException("This session belonged to a RetryExecutor transaction that has"
                    + " ended. Use the session only inside the callback that received it; do not keep it.");
        }
    }

    /** The connection, with commit, rollback, close and autocommit refused as on the session. */
    Connection guardedConnection() {
        return (Connection) Proxy.newProxyInstance(TransactionScope.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    checkOpen();
                    switch (method.getName()) {
                        case "commit" -> throw refuseTransactionControl("commit");
                        case "rollback" -> {
                            if (args == null) {
                                throw refuseTransactionControl("roll back");
                            }
                        }
                        case "close", "abort" -> throw refuseTransactionControl("close the connection");
                        case "setAutoCommit" -> throw refuseTransactionControl("change autocommit");
                        default -> {
                        }
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
