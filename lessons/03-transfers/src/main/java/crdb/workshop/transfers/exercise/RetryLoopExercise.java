package crdb.workshop.transfers.exercise;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Your turn: the retry loop below is the kind people copy from samples. It compiles, it runs, and
 * with no contention it even works. It has three bugs; the tests find each one.
 * Check your work: ./mvnw -q -pl lessons/03-transfers -am test-compile exec:java@exercises
 */
public class RetryLoopExercise implements RetryLoop {

    @Override
    public <T> T run(Connection connection, Work<T> work) throws SQLException {
        T result = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                // TODO-01: The work runs only on the first attempt. After a failed COMMIT the
                //          rollback has undone it, so the next COMMIT commits an empty transaction
                //          and the money never moves. Run the whole work on every attempt.
                if (result == null) {
                    result = work.apply(connection);
                }
                connection.commit();
                return result;
            } catch (SQLException e) {
                // TODO-02: Every error is retried, a violated constraint as well as a 40001, so a
                //          transfer that can never succeed runs three times and then... see TODO-03.
                //          Retry only SQLSTATE 40001; roll back and rethrow anything else at once.
                connection.rollback();
            }
        }
        // TODO-03: When the attempts run out, the loop returns as if all went well. Throw the last
        //          40001 instead, so the caller knows the work was not done.
        // TODO-07 (Optional): Wait between attempts: a random time below 10 ms * 2^attempt (capped),
        //          as ManualRetryLoop and the RetryExecutor do. The tests cannot see a wait; the
        //          lesson's page explains why it matters under contention.
        return result;
    }
}
