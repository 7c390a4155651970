package crdb.workshop.transfers;

import static crdb.workshop.transfers.exercise.ErrorClassifier.Verdict.AMBIGUOUS;
import static crdb.workshop.transfers.exercise.ErrorClassifier.Verdict.FATAL;
import static crdb.workshop.transfers.exercise.ErrorClassifier.Verdict.RETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.Exercise;
import crdb.workshop.common.testing.Exercises;
import crdb.workshop.common.testing.Todo;
import crdb.workshop.transfers.exercise.ErrorClassifier;
import crdb.workshop.transfers.exercise.ErrorClassifierExercise;
import crdb.workshop.transfers.mapper.TransferMapper;
import crdb.workshop.transfers.solution.ErrorClassifierSolution;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exercise 03, part B: TODO-04 to TODO-06 in {@link ErrorClassifierExercise} (the overview is in
 * {@link RetryLoopTest}). Where the server can be made to raise the error on cue, it does; a lost
 * connection and an ambiguous commit cannot be, so those are built as pgjdbc builds them.
 */
@Exercise
@DatabaseTest
class ErrorClassifierTest {

    private final ErrorClassifier classifier =
            Exercises.pick(ErrorClassifierSolution::new, ErrorClassifierExercise::new);
    private final SqlSessionFactory sessions;
    private UUID account;

    ErrorClassifierTest(Database database) {
        this.sessions = database.sessionFactory();
    }

    @BeforeEach
    void openAccount() {
        account = UUID.randomUUID();
        try (SqlSession session = sessions.openSession()) {
            session.getMapper(AccountMapper.class).insert(new Account(account, 1000));
            session.commit();
        }
    }

    /** Two transactions change the same row: the one that read it before the other committed must retry. */
    private Throwable realSerializationFailure() {
        try (SqlSession loser = sessions.openSession(); SqlSession winner = sessions.openSession()) {
            loser.getMapper(AccountMapper.class).findById(account); // the loser reads first...
            winner.getMapper(TransferMapper.class).addToBalance(account, 1);
            winner.commit(); // ...the winner writes and commits...
            return catchThrowable(() -> { // ...and the loser's write (or commit) is refused
                loser.getMapper(TransferMapper.class).addToBalance(account, 1);
                loser.commit();
            });
        }
    }

    private Throwable realFailure(Consumer<SqlSession> work) {
        try (SqlSession session = sessions.openSession()) {
            return catchThrowable(() -> work.accept(session));
        }
    }

    private static PersistenceException likePgjdbc(String message, String sqlState) {
        return new PersistenceException("### Error committing transaction", new SQLException(message, sqlState));
    }

    @Test
    @Todo({4, 5})
    void aSerializationFailureIsRetriedEvenAtCommit() {
        Throwable failure = realSerializationFailure();

        assertThat(classifier.classify(failure, false))
                .as("classify(a real 40001 wrapped by MyBatis, before COMMIT): look through the causes for the SQLException")
                .isEqualTo(RETRY);
        assertThat(classifier.classify(failure, true))
                .as("classify(40001, COMMIT sent): the server rolled back, so run it again").isEqualTo(RETRY);
    }

    @Test
    @Todo(5)
    void aDeadlockVictimIsRetriedEvenAtCommit() {
        Throwable deadlock = likePgjdbc("deadlock detected", "40P01");

        assertThat(classifier.classify(deadlock, false)).as("classify(40P01 deadlock detected, before COMMIT):"
                + " PostgreSQL rolled the victim back, so run it again").isEqualTo(RETRY);
        assertThat(classifier.classify(deadlock, true)).as("classify(40P01, at COMMIT): a definite answer,"
                + " the server rolled back").isEqualTo(RETRY);
    }

    @Test
    @Todo(6)
    void violatedConstraintsAreFatal() {
        Throwable overdraft = realFailure(s -> s.getMapper(TransferMapper.class).addToBalance(account, -5000));
        Throwable duplicate = realFailure(s -> s.getMapper(AccountMapper.class).insert(new Account(account, 1)));

        assertThat(classifier.classify(overdraft, false)).as("classify(23514 check violation, before COMMIT):"
                + " another attempt fails the same way").isEqualTo(FATAL);
        assertThat(classifier.classify(duplicate, false)).as("classify(23505 unique violation, before COMMIT)").isEqualTo(FATAL);
        assertThat(classifier.classify(duplicate, true)).as("classify(23505 unique violation, COMMIT sent):"
                + " a definite answer, so not ambiguous").isEqualTo(FATAL);
    }

    @Test
    @Todo(6)
    void aCancelledStatementIsFatal() {
        Throwable cancelled = realFailure(s -> {
            try (Statement statement = s.getConnection().createStatement()) {
                statement.execute("SET LOCAL statement_timeout = '50ms'");
                statement.execute("SELECT pg_sleep(5)");
            } catch (SQLException e) {
                throw new PersistenceException(e);
            }
        });

        assertThat(classifier.classify(cancelled, false)).as("classify(57014 statement timeout, before COMMIT):"
                + " only 40001, 40P01 and connection errors (08xxx, 57P01) are retried").isEqualTo(FATAL);
    }

    @Test
    @Todo(4)
    void yourOwnExceptionsAreFatal() {
        Throwable refused = realFailure(s -> HelloWorldTransfer.transferFunds(s, account, UUID.randomUUID(), 5000));

        assertThat(refused).hasMessageContaining("Insufficient funds");
        assertThat(classifier.classify(refused, false))
                .as("classify(our own WorkshopException, no SQLSTATE anywhere, before COMMIT)").isEqualTo(FATAL);
    }

    @Test
    @Todo({5, 6})
    void aLostConnectionIsRetriedBeforeCommitAndAmbiguousDuringItUnlessCommitWasNeverSent() {
        Throwable lost = likePgjdbc("An I/O error occurred while sending to the backend.", "08006");
        Throwable terminated = likePgjdbc("terminating connection due to administrator command", "57P01");
        Throwable closed = likePgjdbc("This connection has been closed.", "08003");

        assertThat(classifier.classify(lost, false)).as("classify(08006, before COMMIT): nothing committed, retry")
                .isEqualTo(RETRY);
        assertThat(classifier.classify(closed, false)).as("classify(08003, before COMMIT): all of class 08 is a"
                + " connection error").isEqualTo(RETRY);
        assertThat(classifier.classify(terminated, false)).as("classify(57P01, before COMMIT)").isEqualTo(RETRY);
        assertThat(classifier.classify(lost, true)).as("classify(08006, COMMIT sent): it may have committed")
                .isEqualTo(AMBIGUOUS);
        assertThat(classifier.classify(closed, true)).as("classify(08003 connection does not exist, at COMMIT): the"
                + " driver refused to send COMMIT on a closed connection, so nothing was committed").isEqualTo(RETRY);
        assertThat(classifier.classify(terminated, true)).as("classify(57P01, COMMIT sent)").isEqualTo(AMBIGUOUS);
    }

    @Test
    @Todo(6)
    void anUnknownCommitOutcomeIsAmbiguous() {
        Throwable ambiguous = likePgjdbc("result is ambiguous", "40003");
        Throwable noAnswer = new PersistenceException("### Error committing transaction", new SQLException("EOF"));

        assertThat(classifier.classify(ambiguous, true)).as("classify(40003 result is ambiguous, COMMIT sent):"
                + " not a 40001, so do not retry blindly").isEqualTo(AMBIGUOUS);
        assertThat(classifier.classify(noAnswer, true)).as("classify(no SQLSTATE, COMMIT sent): no definite answer")
                .isEqualTo(AMBIGUOUS);
    }
}
