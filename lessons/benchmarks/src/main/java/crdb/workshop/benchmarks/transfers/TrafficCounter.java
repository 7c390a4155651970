package crdb.workshop.benchmarks.transfers;

import crdb.workshop.common.db.Database;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts what the contenders send, where it can be counted: statements at the server (the
 * {@code pg_stat_statements} view, when the server loads it), and statements and round trips on
 * the wire (a {@link WireCounter} between a pool of our own and the server). Both count what
 * happened, not what the code is expected to do.
 */
public final class TrafficCounter implements AutoCloseable {

    /** What the contenders sent between two snapshots; -1 where the server does not count. */
    public record Traffic(long serverStatements, long wireStatements, long roundTrips) {

        Traffic minus(Traffic before) {
            return new Traffic(serverStatements < 0 || before.serverStatements < 0 ? -1
                    : serverStatements - before.serverStatements, wireStatements - before.wireStatements,
                    roundTrips - before.roundTrips);
        }
    }

    /** Every call counted by pg_stat_statements in this database, but for the snapshots themselves. */
    private static final String SERVER_COUNT = "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements"
            + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND query NOT LIKE '%pg_stat_statements%'";

    private final WireCounter wire;
    private final Database counted;
    private final Database database;
    private final boolean serverCounts;

    private TrafficCounter(WireCounter wire, Database counted, Database database, boolean serverCounts) {
        this.wire = wire;
        this.counted = counted;
        this.database = database;
        this.serverCounts = serverCounts;
    }

    /**
     * Starts the counting relay and opens a pool through it to {@code database}; the server's
     * counts come from {@code admin}'s connections (pg_stat_statements lives outside the benchmark's
     * schema). (plain TCP on loopback: the server must
     * be on this machine). Throws IllegalStateException with the reason when it cannot.
     */
    public static TrafficCounter open(Database database, Database admin) throws IOException {
        WireCounter wire = WireCounter.start(database.settings());
        try {
            Database counted = Database.open(wire.route(database.settings()));
            return new TrafficCounter(wire, counted, admin, serverCounts(admin));
        } catch (RuntimeException e) {
            wire.close();
            throw e;
        }
    }

    /** The pool whose traffic is counted: build the contenders to count on it. */
    public Database database() {
        return counted;
    }

    public boolean countsAtServer() {
        return serverCounts;
    }

    public Traffic snapshot() {
        return new Traffic(serverCounts ? serverStatements(database) : -1, wire.statements(), wire.roundTrips());
    }

    private static boolean serverCounts(Database database) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            try {
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            } catch (SQLException e) {
                // not allowed or not installed: the query below says whether it is there anyway
            }
            statement.executeQuery(SERVER_COUNT).close();
            return true;
        } catch (SQLException e) {
            return false; // not loaded (shared_preload_libraries), not installed, or not PostgreSQL
        }
    }

    private static long serverStatements(Database database) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true); // no BEGIN or COMMIT of ours in the counts
            try (ResultSet rs = statement.executeQuery(SERVER_COUNT)) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements stopped answering: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        counted.close();
        wire.close();
    }
}
