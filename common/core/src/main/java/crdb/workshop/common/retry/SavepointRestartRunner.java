package crdb.workshop.common.retry;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;

/**
 * {@link RetryProtocol#COCKROACH_SAVEPOINT}, CockroachDB's client-side retry protocol:
 *
 * <pre>
 * BEGIN; SAVEPOINT cockroach_restart;
 *   ...the unit of work...           -- on 40001: ROLLBACK TO SAVEPOINT cockroach_restart, run it again
 * RELEASE SAVEPOINT cockroach_restart; -- the commit point (40001 here is retried the same way)
 * COMMIT;                             -- only readies the connection for the next transaction
 * </pre>
 *
 * The transaction, and its connection, live across attempts. After a connection error, an
 * ambiguous RELEASE or a failed ROLLBACK TO SAVEPOINT there is no transaction to go back to, and
 * the next attempt starts over on a fresh connection.
 */
final class SavepointRestartRunner implements TransactionRunner {

    private final DataSource dataSource;
    private final Configuration configuration;
    private final ExecutorType executorType;
    private final Isolation isolation;
    private final boolean readOnly;
    private Connection connection;

    SavepointRestartRunner(DataSource dataSource, Configuration configuration, ExecutorType executorType,
            Isolation isolation, boolean readOnly) {
        this.dataSource = dataSource;
        this.configuration = configuration;
        this.executorType = executorType;
        this.isolation = isolation;
        this.readOnly = readOnly;
    }

    @Override
    public <T> Outcome<T> attempt(TransactionCallback<T> work) {
        if (connection == null) {
            try {
                connection = dataSource.getConnection();
            } catch (SQLException e) {
                return Outcome.failed(TransactionRunner.failed("Getting a connection", e), false);
            }
            try {
                TransactionRunner.begin(connection, isolation, readOnly);
                TransactionRunner.execute(connection, "SAVEPOINT cockroach_restart");
            } catch (RuntimeException e) {
                discardConnection();
                return Outcome.failed(e, false);
            }
        }
        T result;
        boolean commitSent = false;
        TransactionScope scope = new TransactionScope(configuration, executorType, connection);
        try {
            result = scope.run(work);
            commitSent = true;
            TransactionRunner.execute(connection, "RELEASE SAVEPOINT cockroach_restart");
        } catch (Throwable failure) {
            scope.close();
            recover(failure, commitSent);
            return Outcome.failed(failure, commitSent);
        }
        try {
            TransactionRunner.commit(connection);
        } catch (RuntimeException e) {
            // RELEASE already committed the work; only the connection's state is in doubt.
            LOG.debug("COMMIT after RELEASE SAVEPOINT failed; the transaction was committed by RELEASE: {}",
                    e.toString());
        }
        scope.committed();
        scope.close();
        TransactionRunner.closeQuietly(connection);
        connection = null;
        return Outcome.committed(result);
    }

    /** Rewinds to the savepoint when the next attempt can use it; otherwise lets the transaction go. */
    private void recover(Throwable failure, boolean commitSent) {
        String state = FailureClassifier.sqlState(failure);
        boolean rewindable = FailureClassifier.classify(failure, commitSent) == FailureClassifier.Verdict.RETRY
                && state != null && FailureClassifier.isRollbackByServer(state);
        if (rewindable) {
            try {
                TransactionRunner.execute(connection, "ROLLBACK TO SAVEPOINT cockroach_restart");
                return;
            } catch (RuntimeException e) {
                LOG.debug("ROLLBACK TO SAVEPOINT failed; starting over on a fresh connection: {}", e.toString());
            }
        }
        discardConnection();
    }

    private void discardConnection() {
        if (connection != null) {
            TransactionRunner.rollbackQuietly(connection);
            TransactionRunner.closeQuietly(connection);
            connection = null;
        }
    }

    @Override
    public void close() {
        discardConnection();
    }
}
