package crdb.workshop.transfers.solution;

import crdb.workshop.transfers.exercise.RetryLoop;
import java.sql.Connection;
import java.sql.SQLException;

/** The reference solution to exercise 03, part A. Try the exercise before you read it. */
public class RetryLoopSolution implements RetryLoop {

    @Override
    public <T> T run(Connection connection, Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = work.apply(connection); // the whole work, every attempt
                connection.commit();
                return result;
            } catch (SQLException e) {
                connection.rollback();
                if (!"40001".equals(e.getSQLState()) || attempt == MAX_ATTEMPTS) {
                    throw e; // not retryable, or out of attempts: the caller must know
                }
            }
        }
    }
}
