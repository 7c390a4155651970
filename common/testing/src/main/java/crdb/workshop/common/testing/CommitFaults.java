package crdb.workshop.common.testing;

import crdb.workshop.common.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * DEFERRABLE}, so nothing can run at COMMIT. It has its own tool instead: a transaction that has
 * {@code inject_retry_errors_on_commit_enabled} on fails its COMMIT with 40001. The callback
 * calls {@link #beforeCommit} as its last step; for the first N attempts that turns the variable
 * on with {@code SET LOCAL}, which ends with the transaction, so no pooled session keeps it.
 * Only 40001 can be injected there: a test that plans another SQLSTATE is skipped, with the reason.
 */
public final class CommitFaults {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final DataSource dataSource;
    private final boolean cockroachDb;
    // CockroachDB only: the plan, and the attempts that reached beforeCommit since it was made.
    private final AtomicInteger plannedFailures = new AtomicInteger();
    private final AtomicLong attempts = new AtomicLong();

    private CommitFaults(DataSource dataSource, boolean cockroachDb) {
        this.dataSource = dataSource;
        this.cockroachDb = cockroachDb;
    }

    /** Installs the fault machinery in {@code database} and watches {@code tables}. Plans no failures. */
    public static CommitFaults install(Database database, String... tables) throws SQLException {
        if (database.isCockroachDb()) {
            return new CommitFaults(database.dataSource(), true);
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
     * Call as the last step of the unit of work, on its connection. On CockroachDB this arms the
     * planned failure for this transaction's COMMIT; on PostgreSQL the trigger needs no help.
     */
    public void beforeCommit(Connection connection) {
        if (!cockroachDb) {
            return;
        }
        if (attempts.incrementAndGet() <= plannedFailures.get()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL inject_retry_errors_on_commit_enabled = true");
            } catch (SQLException e) {
                throw new IllegalStateException("could not arm the COMMIT fault", e);
            }
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
