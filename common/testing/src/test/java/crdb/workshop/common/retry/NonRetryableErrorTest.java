package crdb.workshop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Errors that another attempt would meet again: thrown at once, exactly as the callback saw them,
 * after one attempt, with everything the attempt wrote rolled back. Each unit first credits
 * {@code other}, then fails, so a missing rollback would show in its balance.
 */
@DatabaseTest
class NonRetryableErrorTest {

    private final Database database;
    private final SqlSessionFactory sessions;
    private final RecordingListener listener = new RecordingListener();
    private final AtomicReference<RuntimeException> seenInside = new AtomicReference<>();
    private RetryExecutor retry;
    private UUID source;
    private UUID other;

    NonRetryableErrorTest(Database database) {
        this.database = database;
        this.sessions = database.sessionFactory();
    }

    @BeforeEach
    void openAccounts() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM accounts");
            connection.commit();
        }
        source = Accounts.open(sessions, 1000);
        other = Accounts.open(sessions, 250);
        retry = RetryExecutor.builder(sessions)
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(5))
                .listener(listener)
                .build();
    }

    /** Credits {@code other} with 500, then runs {@code failing}; remembers what it threw. */
    private TransactionConsumer creditThen(TransactionConsumer failing) {
        return session -> {
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            accounts.updateBalance(other, accounts.findById(other).balance() + 500);
            try {
                failing.useSession(session);
            } catch (RuntimeException e) {
                seenInside.set(e);
                throw e;
            }
        };
    }

    private void assertOneAttemptAndNothingApplied(Throwable thrown) {
        assertThat(thrown).isSameAs(seenInside.get());
        assertThat(listener.started).hasValue(1);
        assertThat(listener.retriedStates).isEmpty();
        assertThat(listener.gaveUp).containsExactly(thrown);
        assertThat(Accounts.balance(sessions, source)).isEqualTo(1000);
        assertThat(Accounts.balance(sessions, other)).isEqualTo(250);
        assertThat(Accounts.count(sessions)).isEqualTo(2);
    }

    @Test
    void aCheckViolationIsThrownAtOnceAndNothingIsApplied() {
        PersistenceException thrown = Expect.thrown(PersistenceException.class, () -> retry.useTransaction(
                creditThen(session -> session.getMapper(AccountMapper.class).updateBalance(source, -500))));

        assertThat(FailureClassifier.sqlState(thrown)).isEqualTo("23514");
        assertOneAttemptAndNothingApplied(thrown);
    }

    @Test
    void aUniqueViolationIsThrownAtOnceAndNothingIsApplied() {
        PersistenceException thrown = Expect.thrown(PersistenceException.class, () -> retry.useTransaction(
                creditThen(session -> session.getMapper(AccountMapper.class).insert(new Account(source, 1)))));

        assertThat(FailureClassifier.sqlState(thrown)).isEqualTo("23505");
        assertOneAttemptAndNothingApplied(thrown);
    }

    @Test
    void aCancelledStatementIsThrownAtOnceAndNothingIsApplied() {
        PersistenceException thrown = Expect.thrown(PersistenceException.class, () -> retry.useTransaction(
                creditThen(session -> {
                    try (Statement statement = session.getConnection().createStatement()) {
                        statement.execute("SET LOCAL statement_timeout = '50ms'");
                        statement.execute("SELECT pg_sleep(5)");
                    } catch (SQLException e) {
                        throw new PersistenceException(e);
                    }
                })));

        assertThat(FailureClassifier.sqlState(thrown)).isEqualTo("57014");
        assertOneAttemptAndNothingApplied(thrown);
    }

    @Test
    void anApplicationExceptionIsRethrownUnchangedAndNothingIsApplied() {
        IllegalStateException refusal = new IllegalStateException("account frozen");

        IllegalStateException thrown = Expect.thrown(IllegalStateException.class,
                () -> retry.useTransaction(creditThen(session -> {
                    throw refusal;
                })));

        assertThat(thrown).isSameAs(refusal).hasNoSuppressedExceptions();
        assertOneAttemptAndNothingApplied(thrown);
    }
}
