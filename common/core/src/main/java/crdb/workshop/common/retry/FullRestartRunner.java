package crdb.workshop.common.retry;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;

/**
 * {@link RetryProtocol#FULL_RESTART}: every attempt borrows a connection, runs the unit in a new
 * transaction, commits, and gives the connection back. A broken connection goes back too: the
 * pool sees the connection error pass through it and evicts that connection.
 */
final class FullRestartRunner implements TransactionRunner {

    private final DataSource dataSource;
    private final Configuration configuration;
    private final ExecutorType executorType;
    private final Isolation isolation;
    private final boolean readOnly;

    FullRestartRunner(DataSource dataSource, Configuration configuration, ExecutorType executorType,
            Isolation isolation, boolean readOnly) {
        this.dataSource = dataSource;
        this.configuration = configuration;
        this.executorType = executorType;
        this.isolation = isolation;
        this.readOnly = readOnly;
    }

    @Override
    public <T> Outcome<T> attempt(TransactionCallback<T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            return Outcome.failed(TransactionRunner.failed("Getting a connection", e), false);
        }
        // tag::attempt[]
        TransactionScope scope = null;
        boolean commitSent = false;
        try {
            TransactionRunner.begin(connection, isolation, readOnly);
            scope = new TransactionScope(configuration, executorType, connection);
            T result = scope.run(work);
            commitSent = true;
            TransactionRunner.commit(connection); // inside the attempt: a COMMIT that fails is retried with the work
            scope.committed();
            return Outcome.committed(result);
        } catch (Throwable failure) {
            TransactionRunner.rollbackQuietly(connection);
            return Outcome.failed(failure, commitSent);
        } finally {
            if (scope != null) {
                scope.close();
            }
            TransactionRunner.closeQuietly(connection);
        }
        // end::attempt[]
    }

    @Override
    public void close() {
        // Every attempt gave its connection back already.
    }
}
