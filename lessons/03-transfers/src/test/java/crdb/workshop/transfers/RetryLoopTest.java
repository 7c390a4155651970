package crdb.workshop.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.testing.CommitFaults;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.Exercise;
import crdb.workshop.common.testing.Exercises;
import crdb.workshop.common.testing.Todo;
import crdb.workshop.transfers.exercise.RetryLoop;
import crdb.workshop.transfers.exercise.RetryLoopExercise;
import crdb.workshop.transfers.solution.RetryLoopSolution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exercise 03, in two parts; do the TODOs in order.
 * <ul>
 *   <li>Part A, {@link RetryLoopExercise}: TODO-01 to TODO-03 fix a retry loop of the kind people
 *       copy from samples (TODO-07 (Optional) adds backoff). This test checks it.
 *   <li>Part B, {@link crdb.workshop.transfers.exercise.ErrorClassifierExercise}: TODO-04 to TODO-06
 *       decide which failures to retry; {@link ErrorClassifierTest} checks it.
 * </ul>
 * Run against your code: ./mvnw -q -pl lessons/03-transfers -am test-compile exec:java@exercises
 *
 * <p>The server makes COMMIT fail on cue here ({@link CommitFaults}), so each test deposits $100
 * and then looks at the balance: that is how a lost or doubled deposit shows.
 */
@Exercise
@DatabaseTest
class RetryLoopTest {

    private static CommitFaults faults;

    private final RetryLoop loop = Exercises.pick(RetryLoopSolution::new, RetryLoopExercise::new);
    private final Database database;
    private final AtomicInteger runs = new AtomicInteger();
    private UUID account;

    RetryLoopTest(Database database) {
        this.database = database;
    }

    @BeforeAll
    static void installFaults(Database database) throws SQLException {
        faults = CommitFaults.install(database, "accounts");
    }

    @BeforeEach
    void openAccount() throws SQLException {
        faults.failNextCommits("40001", 0); // so the setup's own commits go through
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM accounts");
            connection.commit();
        }
        account = UUID.randomUUID();
        try (SqlSession session = database.sessionFactory().openSession()) {
            session.getMapper(AccountMapper.class).insert(new Account(account, 1000));
            session.commit();
        }
        faults.failNextCommits("40001", 0); // and the count starts at zero: the trigger counted the setup
    }

    /** Deposits {@code amount}; counts its runs (test instrumentation, not application state). */
    private RetryLoop.Work<Integer> deposit(long amount) {
        return connection -> {
            runs.incrementAndGet();
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE accounts SET balance = balance + ? WHERE id = ?")) {
                update.setLong(1, amount);
                update.setObject(2, account);
                int updated = update.executeUpdate();
                faults.wroteWithJdbc(connection); // arms the planned COMMIT failure on CockroachDB
                return updated;
            }
        };
    }

    private long balance() {
        try (SqlSession session = database.sessionFactory().openSession()) {
            return session.getMapper(AccountMapper.class).findById(account).balance();
        }
    }

    @Test
    @Todo(1)
    void aFailedCommitRunsTheWholeWorkAgain() throws SQLException {
        faults.failNextCommits("40001", 1);

        try (Connection connection = database.dataSource().getConnection()) {
            loop.run(connection, deposit(100));
        }

        assertThat(balance()).as("balance after depositing $100 into $1000, when the first COMMIT fails with"
                + " 40001: the retry must run the deposit again, or the second COMMIT commits nothing").isEqualTo(1100);
        assertThat(runs).as("runs of the work: the whole work again on the second attempt").hasValue(2);
        assertThat(faults.commitAttempts()).as("COMMITs sent: the failed one and the retried one").isEqualTo(2);
    }

    @Test
    @Todo(2)
    void anErrorThatIsNot40001IsThrownAtOnce() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            Throwable thrown = catchThrowable(() -> loop.run(connection, deposit(-5000))); // CHECK (balance >= 0) refuses it

            assertThat(thrown).as("what run(...) throws for a deposit the CHECK constraint refuses (SQLSTATE 23514):"
                    + " that very SQLException, at once").isInstanceOf(SQLException.class);
            assertThat(((SQLException) thrown).getSQLState()).as("SQLSTATE of the exception run(...) throws")
                    .isEqualTo("23514");
            assertThat(runs).as("runs of a deposit that can never succeed: one, since only 40001 is retried")
                    .hasValue(1);
            assertThat(usable(connection)).as("whether the connection takes a new statement after run(...) threw:"
                    + " roll back before you rethrow, or the transaction stays aborted (25P02)").isTrue();
        }
        assertThat(balance()).as("balance: nothing deposited").isEqualTo(1000);
    }

    @Test
    @Todo(3)
    void whenTheAttemptsRunOutTheLast40001IsThrown() throws SQLException {
        faults.failNextCommits("40001", 100);

        try (Connection connection = database.dataSource().getConnection()) {
            Throwable thrown = catchThrowable(() -> loop.run(connection, deposit(100)));

            assertThat(thrown).as("what run(...) throws when every COMMIT fails with 40001: the last 40001,"
                    + " so the caller knows nothing was done (returning normally hides it)").isInstanceOf(SQLException.class);
            assertThat(((SQLException) thrown).getSQLState()).as("SQLSTATE of the exception run(...) throws")
                    .isEqualTo("40001");
            assertThat(usable(connection)).as("whether the connection takes a new statement after run(...) threw:"
                    + " roll back before you rethrow").isTrue();
        }

        assertThat(faults.commitAttempts()).as("COMMITs sent: MAX_ATTEMPTS (%d), the first included", RetryLoop.MAX_ATTEMPTS)
                .isEqualTo(RetryLoop.MAX_ATTEMPTS);
        assertThat(runs).as("runs of the work: one per attempt").hasValue(RetryLoop.MAX_ATTEMPTS);
        assertThat(balance()).as("balance: nothing deposited").isEqualTo(1000);
    }

    /** Whether the connection runs a statement: false while its transaction is aborted (SQLSTATE 25P02). */
    private static boolean usable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            connection.rollback();
            return true;
        } catch (SQLException e) {
            if ("25P02".equals(e.getSQLState())) {
                connection.rollback();
                return false;
            }
            throw e;
        }
    }
}
