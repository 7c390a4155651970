package crdb.workshop.common.retry;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.url.ConnectionSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Holds COMMIT at a gate, on the real server, so a test can act while a commit is in flight. A
 * deferred trigger on {@code ledger} takes advisory lock {@value #KEY} at COMMIT; while the gate
 * holds that lock on its own connection, every such COMMIT waits there. Closing the gate's
 * connection opens it.
 *
 * <p>Deferred constraint triggers, advisory locks and pg_locks are PostgreSQL's (CockroachDB v25.2
 * has PL/pgSQL and triggers, but none of these); tests using this skip on CockroachDB.
 */
final class CommitGate implements AutoCloseable {

    static final long KEY = 4242;

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE ledger (entry_id UUID PRIMARY KEY, account_id UUID NOT NULL, amount INT8 NOT NULL)",
            """
            CREATE FUNCTION wait_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock(%d);
                RETURN NULL;
            END
            $$""".formatted(KEY),
            "CREATE CONSTRAINT TRIGGER wait_at_commit AFTER INSERT ON ledger"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION wait_at_commit()");

    private final Connection holder;

    private CommitGate(Connection holder) {
        this.holder = holder;
    }

    static void install(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : SCHEMA) {
                statement.execute(sql);
            }
            connection.commit();
        }
    }

    /** Shuts the gate: from now on, commits that wrote to the ledger wait. */
    static CommitGate shut(Database database) throws SQLException {
        // Its own connection, outside the pool: a session-level lock must not outlive the test in a pool.
        ConnectionSettings settings = database.settings();
        Connection holder = DriverManager.getConnection(settings.jdbcUrl(), settings.properties());
        try (Statement statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
        }
        return new CommitGate(holder);
    }

    /** Waits (up to 30 s) until a backend is waiting at the gate; returns its pid. */
    int awaitWaiter() throws SQLException, InterruptedException {
        String sql = "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
        for (int i = 0; i < 600; i++) {
            try (PreparedStatement statement = holder.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no COMMIT reached the gate within 30 s");
    }

    /** Ends backend {@code pid} from this gate's connection, and waits (up to 10 s) until it is gone. */
    void terminate(int pid) throws SQLException {
        try (PreparedStatement statement = holder.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
            statement.setInt(1, pid);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new AssertionError("backend " + pid + " was not terminated");
                }
            }
        }
    }

    /** Opens the gate. */
    @Override
    public void close() throws SQLException {
        holder.close();
    }
}
