package crdb.workshop.common.retry;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.ibatis.exceptions.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the attempts of one unit of work: opens the transaction, hands the callback its scope,
 * commits, and cleans up after a failure. One per {@code inTransaction} call; not shared.
 */
interface TransactionRunner extends AutoCloseable {

    /** Runs one attempt. Never throws: a failure comes back in the outcome, rolled back. */
    <T> Outcome<T> attempt(TransactionCallback<T> work);

    /** Gives back whatever the attempts still hold. */
    @Override
    void close();

    Logger LOG = LoggerFactory.getLogger(TransactionRunner.class);

    /** Runs one transaction-control statement; a failure comes back as MyBatis would report it. */
    static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    static void begin(Connection connection) {
        try {
            if (connection.getAutoCommit()) {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw failed("BEGIN", e);
        }
    }

    /**
     * Begins a transaction of the given shape. pgjdbc sends BEGIN with the first statement, as
     * {@code BEGIN READ ONLY} when the connection is read-only: no extra round trip. The session
     * is SERIALIZABLE already (SessionDefaults); another level is stated as the first statement.
     */
    static void begin(Connection connection, Isolation isolation, boolean readOnly) {
        try {
            if (connection.isReadOnly() != readOnly) {
                connection.setReadOnly(readOnly); // a flag in pgjdbc; the pool resets it on return
            }
        } catch (SQLException e) {
            throw failed("BEGIN", e);
        }
        begin(connection);
        if (isolation != Isolation.SERIALIZABLE) {
            execute(connection, isolation.setTransactionSql()); // lasts for this transaction only
        }
    }

    static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw failed("COMMIT", e);
        }
    }

    /** The executor's own JDBC failures, wrapped as MyBatis wraps a mapper's: callers catch one type. */
    static PersistenceException failed(String what, SQLException e) {
        return new PersistenceException(what + " failed: " + e.getMessage(), e);
    }

    /** After a failure the rollback may fail too (a dead connection); the first failure is the news. */
    static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Rollback after a failed attempt failed too: {}", e.toString());
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Closing the connection failed: {}", e.toString());
        }
    }
}
