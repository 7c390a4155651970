package crdb.workshop.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MyBatis plugin that arms CockroachDB's COMMIT fault, run on any server: here it sets a
 * harmless custom setting instead of {@code inject_retry_errors_on_commit_enabled}, and the test
 * reads it back, so what is checked is which transactions get armed and that the arming ends with
 * the transaction.
 */
@DatabaseTest
class CommitFaultArmingTest {

    private static final String ARM = "SET LOCAL commit_fault.armed = 'yes'";
    private static final AtomicInteger decisions = new AtomicInteger();

    @BeforeAll
    static void installPlugin(Database database) {
        // Only the first transaction that writes to accounts is to fail.
        database.sessionFactory().getConfiguration().addInterceptor(
                new CommitFaultArming(List.of("accounts"), () -> decisions.incrementAndGet() == 1, ARM));
    }

    @Test
    void onlyThePlannedTransactionIsArmedOnceAndTheArmingEndsWithIt(Database database) throws SQLException {
        try (SqlSession session = database.sessionFactory().openSession()) {
            session.getMapper(AccountMapper.class).findById(UUID.randomUUID()); // a read: not counted
            assertThat(decisions).as("decisions after a read").hasValue(0);

            AccountMapper accounts = session.getMapper(AccountMapper.class);
            accounts.insert(new Account(UUID.randomUUID(), 100));
            accounts.insert(new Account(UUID.randomUUID(), 200)); // the same transaction: counted once
            assertThat(decisions).hasValue(1);
            assertThat(armed(session)).as("first writing transaction").isTrue();
            session.commit();
            assertThat(armed(session)).as("after its commit").isFalse();
        }
        try (SqlSession session = database.sessionFactory().openSession()) {
            session.getMapper(AccountMapper.class).insert(new Account(UUID.randomUUID(), 300));
            assertThat(decisions).hasValue(2);
            assertThat(armed(session)).as("second writing transaction").isFalse();
            session.commit();
        }
    }

    private static boolean armed(SqlSession session) throws SQLException {
        try (Statement statement = session.getConnection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('commit_fault.armed', true)")) {
            rs.next();
            return "yes".equals(rs.getString(1));
        }
    }
}
