package crdb.workshop.transfers.exercise;

import java.sql.SQLException;

/**
 * Your turn: decide what a failed attempt means. The placeholder answers nothing, which the
 * tests reject. Check your work: ./mvnw -q -pl lessons/03-transfers -am test-compile exec:java@exercises
 */
public class ErrorClassifierExercise implements ErrorClassifier {

    // TODO-04: Find the SQLSTATE: walk failure, failure.getCause(), ... and take the first
    //          java.sql.SQLException's getSQLState(). MyBatis hides it inside a PersistenceException.
    //          No SQLSTATE at all (your own exception) is FATAL before COMMIT.
    // TODO-05: RETRY 40001 (serialization failure) and 40P01 (PostgreSQL's deadlock victim)
    //          whenever they come: even at COMMIT, the server has rolled back. RETRY a connection
    //          error (SQLSTATE class 08, or 57P01 "terminated by the administrator") only before
    //          COMMIT was sent: nothing can have been committed. 08003 "connection does not exist"
    //          is RETRY even at COMMIT: the driver never sends COMMIT on a closed connection.
    // TODO-06: Once COMMIT was sent, any other connection error (class 08, 57P01), 40003 "result is
    //          ambiguous", or no SQLSTATE at all is AMBIGUOUS. Every other SQLSTATE (23505 a
    //          duplicate key, 23514 a violated CHECK, 57014 a cancelled statement...) is FATAL,
    //          before or after COMMIT. The table in docs/03-transfers-2-executor.md sums it up.
    @Override
    public Verdict classify(Throwable failure, boolean commitSent) {
        return null;
    }
}
