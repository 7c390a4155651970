package crdb.workshop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transaction belongs to the executor: a callback that tries to commit, roll back, close, or
 * start a transaction of its own is refused at once, nothing it wrote is applied, and catching the
 * refusal does not help. Each unit first adds 100 to an account, so a leak would show.
 */
@DatabaseTest
class CallbackMisuseTest {

    private final Database database;
    private final SqlSessionFactory sessions;
    private final RecordingListener listener = new RecordingListener();
    private RetryExecutor retry;
    private UUID account;

    CallbackMisuseTest(Database database) {
        this.database = database;
        this.sessions = database.sessionFactory();
    }

    @BeforeEach
    void openAccount() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM accounts");
            connection.commit();
        }
        account = Accounts.open(sessions, 1000);
        retry = RetryExecutor.builder(sessions).listener(listener).build();
    }

    private void addHundred(SqlSession session) {
        AccountMapper accounts = session.getMapper(AccountMapper.class);
        accounts.updateBalance(account, accounts.findById(account).balance() + 100);
    }

    private void assertRefusedAfterOneAttempt(TransactionMisuseException thrown, String what) {
        assertThat(thrown).hasMessageContaining(what).hasMessageContaining("RetryExecutor");
        assertThat(listener.started).hasValue(1);
        assertThat(listener.retriedStates).isEmpty();
        assertThat(Accounts.balance(sessions, account)).isEqualTo(1000);
    }

    @Test
    void committingInsideTheCallbackIsRefused() {
        TransactionMisuseException thrown = Expect.thrown(TransactionMisuseException.class,
                () -> retry.useTransaction(session -> {
                    addHundred(session);
                    session.commit();
                }));

        assertRefusedAfterOneAttempt(thrown, "commit");
    }

    @Test
    void rollingBackInsideTheCallbackIsRefused() {
        TransactionMisuseException thrown = Expect.thrown(TransactionMisuseException.class,
                () -> retry.useTransaction(session -> {
                    addHundred(session);
                    session.rollback(true);
                }));

        assertRefusedAfterOneAttempt(thrown, "roll back");
    }

    @Test
    void closingTheSessionInsideTheCallbackIsRefused() {
        TransactionMisuseException thrown = Expect.thrown(TransactionMisuseException.class,
                () -> retry.useTransaction(session -> {
                    addHundred(session);
                    session.close();
                }));

        assertRefusedAfterOneAttempt(thrown, "close");
    }

    @Test
    void committingTheUnderlyingConnectionIsRefused() {
        TransactionMisuseException thrown = Expect.thrown(TransactionMisuseException.class,
                () -> retry.useTransaction(session -> {
                    addHundred(session);
                    try {
                        session.getConnection().commit();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }));

        assertRefusedAfterOneAttempt(thrown, "commit");
    }

    @Test
    void aRefusalTheCallbackCatchesStillFailsTheTransaction() {
        TransactionMisuseException thrown = Expect.thrown(TransactionMisuseException.class,
                () -> retry.useTransaction(session -> {
                    addHundred(session);
                    try {
                        session.commit();
                    } catch (TransactionMisuseException ignored) {
                        // "it said no, let's carry on": the executor still refuses to commit
                    }
                }));

        assertRefusedAfterOneAttempt(thrown, "commit");
    }

    @Test
    void aNestedTransactionIsRefusedAndNeitherIsApplied() {
        AtomicBoolean innerRan = new AtomicBoolean();

        TransactionMisuseException thrown = Expect.thrown(TransactionMisuseException.class,
                () -> retry.useTransaction(session -> {
                    addHundred(session);
                    try {
                        retry.useTransaction(inner -> {
                            innerRan.set(true);
                            addHundred(inner);
                        });
                    } catch (TransactionMisuseException swallowed) {
                        // swallowing it does not help either
                    }
                }));

        assertRefusedAfterOneAttempt(thrown, "already running on this thread");
        assertThat(innerRan).isFalse();
    }

    @Test
    void theThreadCanRunTransactionsAgainAfterARefusal() {
        Expect.thrown(TransactionMisuseException.class,
                () -> retry.useTransaction(session -> retry.useTransaction(this::addHundred)));

        retry.useTransaction(this::addHundred);

        assertThat(Accounts.balance(sessions, account)).isEqualTo(1100);
    }

    @Test
    void aSessionKeptAfterItsTransactionEndedIsDead() {
        SqlSession kept = retry.inTransaction(session -> session);
        AccountMapper keptMapper = retry.inTransaction(session -> session.getMapper(AccountMapper.class));

        assertThat(Expect.thrown(TransactionMisuseException.class, () -> addHundred(kept)))
                .hasMessageContaining("ended");
        assertThat(Expect.thrown(TransactionMisuseException.class, () -> keptMapper.findById(account)))
                .hasMessageContaining("ended");
        assertThat(Accounts.balance(sessions, account)).isEqualTo(1000);
    }
}
