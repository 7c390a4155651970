package crdb.workshop.transfers.exercise;

import java.sql.Connection;
import java.sql.SQLException;

/** Exercise 03, part A: a retry loop at the JDBC level, with the bugs the copied samples have. */
public interface RetryLoop {

    /** The most attempts {@link #run} makes, the first included. */
    int MAX_ATTEMPTS = 3;

    /**
     * Runs {@code work} in a transaction on {@code connection} (autocommit is off) and commits.
     * When SQLSTATE 40001 comes back, from a statement or from COMMIT, rolls back and runs the
     * whole work again, up to {@link #MAX_ATTEMPTS} attempts in all; then throws the last 40001.
     * Any other error: rolls back and throws it at once. Returns what the committed run returned.
     */
    <T> T run(Connection connection, Work<T> work) throws SQLException;

    /** A unit of work on a connection. It may run more than once. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }
}
