package crdb.workshop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.testing.DatabaseTest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code SAVEPOINT cockroach_restart} protocol on a real CockroachDB: retries rewind to the
 * savepoint inside one transaction, on one connection, instead of starting over.
 */
@DatabaseTest
class CockroachSavepointTest {

    private final SqlSessionFactory sessions;
    private final RecordingListener listener = new RecordingListener();

    CockroachSavepointTest(Database database) {
        this.sessions = database.sessionFactory();
    }

    @BeforeEach
    void needsCockroachDb(Database database) {
        assumeTrue(database.isCockroachDb(), "SAVEPOINT cockroach_restart is CockroachDB's retry protocol; this run"
                + " is on PostgreSQL (set DATABASE_URL to a CockroachDB cluster, or have Docker running, to run it)."
                + " RetrySettingsTest checks that the executor refuses the protocol here.");
    }

    @Test
    void injectedRetriesRewindToTheSavepointOnOneSessionAndApplyOnce() {
        UUID account = Accounts.open(sessions, 1000);
        List<String> sessionIds = new CopyOnWriteArrayList<>();
        RetryExecutor retry = RetryExecutor.builder(sessions)
                .protocol(RetryProtocol.COCKROACH_SAVEPOINT)
                .maxAttempts(100)
                .initialBackoff(Duration.ofMillis(5))
                .maxBackoff(Duration.ofMillis(20))
                .listener(listener)
                .build();

        retry.useTransaction(session -> {
            try (Statement statement = session.getConnection().createStatement()) {
                // CockroachDB's documented way to test retry code: with this on, statements in an
                // explicit transaction fail with 40001 until the transaction has been retried
                // through the savepoint three times. SET itself is exempt, so each attempt can
                // turn it off to look around, then on again.
                statement.execute("SET inject_retry_errors_enabled = false");
                sessionIds.add(firstValue(statement, "SHOW session_id"));
                statement.execute("SET inject_retry_errors_enabled = true");
                firstValue(statement, "SELECT 1");
                statement.execute("SET inject_retry_errors_enabled = false"); // the pooled session forgets it
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            accounts.updateBalance(account, accounts.findById(account).balance() + 100);
        });

        assertThat(listener.retriedStates).hasSizeGreaterThanOrEqualTo(3).containsOnly("40001");
        assertThat(sessionIds).hasSize(listener.retriedStates.size() + 1).containsOnly(sessionIds.get(0));
        assertThat(Accounts.balance(sessions, account)).isEqualTo(1100);
    }

    private static String firstValue(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
