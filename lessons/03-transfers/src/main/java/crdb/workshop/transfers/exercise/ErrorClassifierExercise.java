package crdb.workshop.transfers.exercise;

/**
 * Your turn: decide what a failed attempt means. The placeholder answers nothing, which the
 * tests reject. Check your work: ./mvnw -q -pl lessons/03-transfers -am test-compile exec:java@exercises
 */
public class ErrorClassifierExercise implements ErrorClassifier {

    // TODO-04: Find the SQLSTATE: walk failure, failure.getCause(), ... and take the first
    //          java.sql.SQLException's getSQLState(). MyBatis hides it inside a PersistenceException.
    //          No SQLSTATE at all (your own exception) is FATAL before COMMIT.
    // TODO-05: RETRY 40001 (serialization failure) whenever it comes: even at COMMIT, the server
    //          has rolled back. RETRY a connection error (SQLSTATE class 08, or 57P01 "terminated
    //          by the administrator") only before COMMIT was sent: nothing can have been committed.
    // TODO-06: Once COMMIT was sent, a connection error, 40003 "result is ambiguous", or no
    //          SQLSTATE at all is AMBIGUOUS. Every other SQLSTATE (a violated constraint 23xxx, a
    //          cancelled statement 57014...) is FATAL, before or after COMMIT.
    @Override
    public Verdict classify(Throwable failure, boolean commitSent) {
        return null;
    }
}
