package crdb.workshop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mybatis.MyBatisFactory;
import crdb.workshop.common.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * 53300 too_many_connections comes before any statement of the unit ran, so the executor waits
 * and tries again; here the server refuses a role's connections until the first retry is due.
 * (57P03, "the server is starting up", has the same rule; FailureClassifierTest checks it.)
 */
@DatabaseTest
class ServerBusyTest {

    @Test
    void tooManyConnectionsBeforeTheUnitRanIsRetried(Database database) throws Exception {
        assumeFalse(database.isCockroachDb(), "a role's CONNECTION LIMIT of 0 is how this test fills the server;"
                + " CockroachDB has no per-role connection limit");
        String role = "busy_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        assumeTrue(sql(database, "CREATE ROLE " + role + " LOGIN PASSWORD 'busy-role'"),
                "creating a role needs CREATEROLE, which this server's user lacks");
        try {
            PGSimpleDataSource asRole = new PGSimpleDataSource();
            asRole.setURL(database.settings().jdbcUrl());
            Properties props = database.settings().properties();
            for (String name : props.stringPropertyNames()) {
                if (!name.equals("user") && !name.equals("password")) {
                    asRole.setProperty(name, props.getProperty(name));
                }
            }
            asRole.setUser(role);
            asRole.setPassword("busy-role");
            List<String> retriedOn = new ArrayList<>();
            RetryExecutor retry = RetryExecutor.builder(MyBatisFactory.build(asRole))
                    .initialBackoff(Duration.ofMillis(1))
                    .listener(new RetryListener() {
                        @Override
                        public void retrying(int attempt, Duration delay, String sqlState, Throwable cause) {
                            retriedOn.add(sqlState);
                            sql(database, "ALTER ROLE " + role + " CONNECTION LIMIT -1"); // room again
                        }
                    })
                    .build(); // MyBatis connected once to learn the database's kind; now the role is full
            sql(database, "ALTER ROLE " + role + " CONNECTION LIMIT 0");

            String who = retry.inReadOnlyTransaction(session -> SessionFacts.show(session, "session_authorization"));

            assertThat(who).isEqualTo(role);
            assertThat(retriedOn).containsExactly("53300");
        } finally {
            sql(database, "DROP ROLE IF EXISTS " + role);
        }
    }

    /** Runs one statement, committed; false if the server refused it for want of a privilege. */
    private static boolean sql(Database database, String statementText) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(statementText);
            connection.commit();
            return true;
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException(e);
        }
    }
}
