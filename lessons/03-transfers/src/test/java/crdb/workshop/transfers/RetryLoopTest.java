package crdb.workshop.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.testing.CommitFaults;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.Exercise;
import crdb.workshop.common.testing.Exercises;
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
 * Run against your code: ./mvnw test -pl lessons/03-transfers -am -Dexercises=learner
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
    void aFailedCommitRunsTheWholeWorkAgain() throws SQLException {
        faults.failNextCommits("40001", 1);

        try (Connection connection = database.dataSource().getConnection()) {
            loop.run(connection, deposit(100));
        }

        assertThat(balance()).as("balance after depositing $100 into $1000").isEqualTo(1100);
        assertThat(runs).as("runs of the work").hasValue(2);
        assertThat(faults.commitAttempts()).isEqualTo(2);
    }

    @Test
    void anErrorThatIsNot40001IsThrownAtOnce() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            assertThatThrownBy(() -> loop.run(connection, deposit(-5000))) // the CHECK (balance >= 0) refuses it
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
        }

        assertThat(runs).as("runs of a deposit that can never succeed").hasValue(1);
        assertThat(balance()).isEqualTo(1000);
    }

    @Test
    void whenTheAttemptsRunOutTheLast40001IsThrown() throws SQLException {
        faults.failNextCommits("40001", 100);

        try (Connection connection = database.dataSource().getConnection()) {
            assertThatThrownBy(() -> loop.run(connection, deposit(100)))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("40001"));
        }

        assertThat(faults.commitAttempts()).isEqualTo(RetryLoop.MAX_ATTEMPTS);
        assertThat(runs).hasValue(RetryLoop.MAX_ATTEMPTS);
        assertThat(balance()).isEqualTo(1000);
    }
}
