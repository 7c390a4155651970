package crdb.workshop.common.testing;

import crdb.workshop.common.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes COMMIT fail on cue, on the real server, for testing retry code: the next N commits of
 * transactions that wrote to a watched table fail with the SQLSTATE you plan (40001, 40003...).
 *
 * <p>On PostgreSQL: a deferred constraint trigger on each watched table runs at COMMIT, once per
 * transaction, and raises the planned error while a sequence, which counts commit attempts, is
 * at most N. A sequence, because nextval survives the rollback the error causes; a counter in a
 * table would be rolled back with the transaction it counts.
 *
 * <p>On CockroachDB: v25.2 has PL/pgSQL and triggers, but not {@code CONSTRAINT TRIGGER ...
 * DEFERRABLE}, so nothing of ours can run at COMMIT. It has its own tool instead: a transaction
 * with {@code inject_retry_errors_on_commit_enabled} on fails its COMMIT with 40001.
 * {@link CommitFaultArming}, a MyBatis plugin on the database's session factory, turns it on for
 * the planned transactions when they first write to a watched table, so the code under test needs
 * no change; work written in plain JDBC calls {@link #wroteWithJdbc} instead. Only 40001 can be
 * injected that way: a test that plans another SQLSTATE is skipped there, with the reason.
 */
public final class CommitFaults {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final DataSource dataSource;
    private final boolean cockroachDb;
    // CockroachDB only: the plan, and the transactions that wrote to a watched table since it was made.
    private final AtomicInteger plannedFailures = new AtomicInteger();
    private final AtomicLong attempts = new AtomicLong();

    private CommitFaults(DataSource dataSource, boolean cockroachDb) {
        this.dataSource = dataSource;
        this.cockroachDb = cockroachDb;
    }

    /** Installs the fault machinery in {@code database} and watches {@code tables}. Plans no failures. */
    public static CommitFaults install(Database database, String... tables) throws SQLException {
        if (database.isCockroachDb()) {
            CommitFaults faults = new CommitFaults(database.dataSource(), true);
            for (String table : tables) {
                checkTableName(table);
            }
            database.sessionFactory().getConfiguration().addInterceptor(new CommitFaultArming(List.of(tables),
                    faults::countAndDecide, CommitFaultArming.ARM_COCKROACH_COMMIT_FAULT));
            return faults;
        }
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SEQUENCE IF NOT EXISTS commit_fault_attempts");
            statement.execute("CREATE TABLE IF NOT EXISTS commit_fault_plan"
                    + " (sqlstate CHAR(5) NOT NULL, failures INT8 NOT NULL)");
            // tag::trigger[]
            statement.execute("""
                    CREATE OR REPLACE FUNCTION commit_fault() RETURNS trigger LANGUAGE plpgsql AS $$
                    DECLARE
                        attempt INT8;
                        plan commit_fault_plan%ROWTYPE;
                    BEGIN
                        -- Once per transaction, however many rows it wrote.
                        IF current_setting('commit_fault.counted', true) IS DISTINCT FROM 'yes' THEN
                            PERFORM set_config('commit_fault.counted', 'yes', true);
                            attempt := nextval('commit_fault_attempts');
                            SELECT * INTO plan FROM commit_fault_plan;
                            IF FOUND AND attempt <= plan.failures THEN
                                RAISE EXCEPTION 'injected SQLSTATE % at COMMIT number %', plan.sqlstate, attempt
                                    USING ERRCODE = plan.sqlstate;
                            END IF;
                        END IF;
                        RETURN NULL;
                    END
                    $$""");
            for (String table : tables) {
                if (!TABLE_NAME.matcher(table).matches()) {
                    throw new IllegalArgumentException("not a plain table name: " + table);
                }
                statement.execute("DROP TRIGGER IF EXISTS commit_fault ON " + table);
                statement.execute("CREATE CONSTRAINT TRIGGER commit_fault AFTER INSERT OR UPDATE OR DELETE ON " + table
                        + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION commit_fault()");
            }
            // end::trigger[]
            connection.commit();
        }
        CommitFaults faults = new CommitFaults(database.dataSource(), false);
        faults.failNextCommits("40001", 0);
        return faults;
    }

    /**
     * From now on, the next {@code failures} commits that wrote to a watched table fail with
     * {@code sqlState}; the commit count starts again from zero.
     */
    public void failNextCommits(String sqlState, int failures) throws SQLException {
        if (cockroachDb) {
            Assumptions.assumeTrue(failures == 0 || sqlState.equals("40001"), "CockroachDB can inject only 40001 at"
                    + " COMMIT (inject_retry_errors_on_commit_enabled); SQLSTATE " + sqlState + " is injected on"
                    + " PostgreSQL only, where a constraint trigger raises it.");
            plannedFailures.set(failures);
            attempts.set(0);
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM commit_fault_plan");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO commit_fault_plan (sqlstate, failures) VALUES (?, ?)")) {
                insert.setString(1, sqlState);
                insert.setLong(2, failures);
                insert.executeUpdate();
            }
            statement.execute("SELECT setval('commit_fault_attempts', 1, false)");
            connection.commit();
        }
    }

    /**
     * Tells the faults that the current transaction on {@code connection} wrote to a watched table
     * through plain JDBC, which the MyBatis plugin cannot see; call it once per transaction. On
     * PostgreSQL the trigger sees every write, and this does nothing.
     */
    public void wroteWithJdbc(Connection connection) {
        if (cockroachDb && countAndDecide()) {
            try {
                CommitFaultArming.arm(connection, CommitFaultArming.ARM_COCKROACH_COMMIT_FAULT);
            } catch (SQLException e) {
                throw new IllegalStateException("could not arm the COMMIT fault", e);
            }
        }
    }

    /** Counts one more transaction that wrote to a watched table; true if its COMMIT must fail. */
    private boolean countAndDecide() {
        return attempts.incrementAndGet() <= plannedFailures.get();
    }

    private static void checkTableName(String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
    }

    /** How many commits of transactions that wrote to a watched table were tried since the last plan. */
    public long commitAttempts() throws SQLException {
        if (cockroachDb) {
            return attempts.get();
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM commit_fault_attempts")) {
            rs.next();
            long attempts = rs.getLong(1);
            connection.commit();
            return attempts;
        }
    }
}
