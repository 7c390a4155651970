package crdb.workshop.springboot;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.CommitFaults;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * CommitFaults on the transfers table, which every transfer writes: the next N COMMITs of a
 * transfer fail with the SQLSTATE planned. The service's tests share one database, so {@link
 * #close} removes the trigger again. PostgreSQL only: tests skip on CockroachDB.
 */
final class CommitFaultsOnTransfers implements AutoCloseable {

    private final Database database;
    private final CommitFaults faults;

    private CommitFaultsOnTransfers(Database database, CommitFaults faults) {
        this.database = database;
        this.faults = faults;
    }

    static CommitFaultsOnTransfers install(Database database) throws SQLException {
        assumeFalse(database.isCockroachDb(), "CommitFaults fails COMMIT with a PL/pgSQL constraint trigger,"
                + " which is PostgreSQL's; the CockroachDB run covers retries with real contention instead");
        return new CommitFaultsOnTransfers(database, CommitFaults.install(database, "transfers"));
    }

    void failNextCommits(String sqlState, int failures) throws SQLException {
        faults.failNextCommits(sqlState, failures);
    }

    long commitAttempts() throws SQLException {
        return faults.commitAttempts();
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER IF EXISTS commit_fault ON transfers");
            connection.commit();
        }
    }
}
