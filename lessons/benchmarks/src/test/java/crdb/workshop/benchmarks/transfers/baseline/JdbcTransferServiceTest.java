package crdb.workshop.benchmarks.transfers.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.testing.AttemptCounter;
import crdb.workshop.common.testing.CommitDroppingProxy;
import crdb.workshop.common.testing.CommitFaults;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.Sql;
import crdb.workshop.transfers.Transfer;
import crdb.workshop.transfers.TransferDeclinedException.Reason;
import crdb.workshop.transfers.TransferDeclinedException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JDBC baseline is a fair twin of the lesson's IdempotentTransfers only if it behaves the same:
 * it moves the money once, refuses what the lesson refuses with nothing written, applies a
 * transfer sent twice once, and retries an ambiguous COMMIT or a lost COMMIT answer without moving
 * the money twice. (The lesson's own tests check the same of the MyBatis strategies.)
 */
@DatabaseTest
class JdbcTransferServiceTest {

    private final Database database;
    private final AttemptCounter counter = new AttemptCounter();
    private UUID first;
    private UUID second;

    JdbcTransferServiceTest(Database database) {
        this.database = database;
        database.runScript("crdb/workshop/transfers/schema.sql");
    }

    @BeforeEach
    void openAccounts() throws SQLException {
        Sql.execute(database, "DELETE FROM transfers");
        Sql.execute(database, "DELETE FROM accounts");
        first = open(1000);
        second = open(250);
    }

    private JdbcTransferService service(Database on, JdbcStrategy strategy) {
        return new JdbcTransferService(new JdbcRetryLoop(on.dataSource(), 50, Duration.ofMillis(1),
                Duration.ofMillis(50), counter), strategy, !on.isCockroachDb());
    }

    @ParameterizedTest
    @EnumSource(JdbcStrategy.class)
    void aTransferMovesTheMoneyOnceAndASecondSendingDoesNothing(JdbcStrategy strategy) throws SQLException {
        UUID transferId = UUID.randomUUID();

        assertThat(service(database, strategy).transfer(transferId, new Transfer(first, second, 100))).isTrue();
        assertThat(service(database, strategy).transfer(transferId, new Transfer(first, second, 100))).isFalse();

        assertThat(balances()).containsExactly(900L, 350L);
        assertThat(transferRows()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(JdbcStrategy.class)
    void refusalsAreTheLessonsAndWriteNothing(JdbcStrategy strategy) throws SQLException {
        UUID nobody = UUID.randomUUID();
        JdbcTransferService service = service(database, strategy);

        assertThatThrownBy(() -> service.transfer(UUID.randomUUID(), new Transfer(nobody, second, 100)))
                .isInstanceOfSatisfying(TransferDeclinedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SOURCE));
        assertThatThrownBy(() -> service.transfer(UUID.randomUUID(), new Transfer(first, nobody, 100)))
                .isInstanceOfSatisfying(TransferDeclinedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_TARGET));
        assertThatThrownBy(() -> service.transfer(UUID.randomUUID(), new Transfer(second, first, 251)))
                .isInstanceOfSatisfying(TransferDeclinedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INSUFFICIENT_FUNDS));

        assertThat(counter.attempts).hasValue(3); // one each: a refusal is not retried
        assertThat(balances()).containsExactly(1000L, 250L);
        assertThat(transferRows()).isZero();
        assertThat(accounts()).as("no account invented").isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(JdbcStrategy.class)
    void anAmbiguousCommitIsRetriedAndTheTransferAppliedOnce(JdbcStrategy strategy) throws SQLException {
        assumeFalse(database.isCockroachDb(), "CommitFaults raises 40003 at COMMIT with a deferred trigger,"
                + " which CockroachDB lacks");
        CommitFaults faults = CommitFaults.install(database, "transfers");
        try {
            faults.failNextCommits("40003", 1);

            boolean moved = service(database, strategy).transfer(UUID.randomUUID(), new Transfer(first, second, 100));

            assertThat(counter.retriedStates).containsExactly("40003");
            assertThat(moved).as("the server had rolled the first attempt back").isTrue();
            assertThat(balances()).containsExactly(900L, 350L);
            assertThat(transferRows()).isEqualTo(1);
        } finally {
            faults.failNextCommits("40001", 0);
        }
    }

    @ParameterizedTest
    @EnumSource(JdbcStrategy.class)
    void aCommitAppliedWithItsAnswerLostIsRetriedAndFindsItsRow(JdbcStrategy strategy) throws Exception {
        try (CommitDroppingProxy proxy = CommitDroppingProxy.start(database.settings());
             Database proxied = Database.open(proxy.route(database.settings()))) {
            proxy.dropAfterCommit("INSERT INTO transfers", 1);

            boolean moved = service(proxied, strategy).transfer(UUID.randomUUID(), new Transfer(first, second, 100));

            assertThat(proxy.drops()).isEqualTo(1);
            assertThat(counter.retriedStates).singleElement().satisfies(state -> assertThat(state).startsWith("08"));
            assertThat(moved).as("the retry found the row of the first, committed attempt").isFalse();
        }
        assertThat(balances()).containsExactly(900L, 350L);
        assertThat(transferRows()).isEqualTo(1);
    }

    private UUID open(long balance) {
        UUID id = UUID.randomUUID();
        try (SqlSession session = database.sessionFactory().openSession()) {
            session.getMapper(AccountMapper.class).insert(new Account(id, balance));
            session.commit();
        }
        return id;
    }

    private List<Long> balances() {
        try (SqlSession session = database.sessionFactory().openSession()) {
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            return List.of(accounts.findById(first).balance(), accounts.findById(second).balance());
        }
    }

    private long transferRows() throws SQLException {
        return Sql.count(database, "SELECT count(*) FROM transfers");
    }

    private long accounts() throws SQLException {
        return Sql.count(database, "SELECT count(*) FROM accounts");
    }
}
