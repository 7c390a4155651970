package crdb.workshop.common.testing;

import crdb.workshop.common.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Makes COMMIT fail on cue, on the real server, for testing retry code: the next N commits of
 * transactions that wrote to a watched table fail with the SQLSTATE you plan (40001, 40003...).
 *
 * <p>How: a deferred constraint trigger on each watched table runs at COMMIT, once per
 * transaction, and raises the planned error while a sequence, which counts commit attempts, is
 * at most N. A sequence, because nextval survives the rollback the error causes; a counter in a
 * table would be rolled back with the transaction it counts.
 *
 * <p>PL/pgSQL and constraint triggers are PostgreSQL's: skip tests that use this on CockroachDB
 * ({@code assumeFalse(database.isCockroachDb(), "...")}).
 */
public final class CommitFaults {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final DataSource dataSource;

    private CommitFaults(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Installs the fault machinery in {@code database} and watches {@code tables}. Plans no failures. */
    public static CommitFaults install(Database database, String... tables) throws SQLException {
        if (database.isCockroachDb()) {
            throw new IllegalStateException("CommitFaults needs PostgreSQL (PL/pgSQL constraint triggers); skip this"
                    + " test on CockroachDB with assumeFalse(database.isCockroachDb(), ...)");
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
        CommitFaults faults = new CommitFaults(database.dataSource());
        faults.failNextCommits("40001", 0);
        return faults;
    }

    /**
     * From now on, the next {@code failures} commits that wrote to a watched table fail with
     * {@code sqlState}; the commit count starts again from zero.
     */
    public void failNextCommits(String sqlState, int failures) throws SQLException {
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

    /** How many commits of transactions that wrote to a watched table were tried since the last plan. */
    public long commitAttempts() throws SQLException {
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
