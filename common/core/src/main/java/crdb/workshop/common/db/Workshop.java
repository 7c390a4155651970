package crdb.workshop.common.db;

import crdb.workshop.common.server.DatabaseServer;
import crdb.workshop.common.server.ServerSelector;
import crdb.workshop.common.settings.Settings;
import java.util.function.Consumer;

/**
 * The database a lesson runs on: chooses a server (DATABASE_URL, a CockroachDB container, or the
 * embedded PostgreSQL), connects to its default database, and applies dbinit.sql.
 */
public final class Workshop implements AutoCloseable {

    private final DatabaseServer server;
    private final Database database;

    private Workshop(DatabaseServer server, Database database) {
        this.server = server;
        this.database = database;
    }

    public static Workshop start(Settings settings) {
        return start(settings, line -> { });
    }

    /** As {@link #start(Settings)}; {@code progress} gets the run's "Waiting for the database" lines. */
    public static Workshop start(Settings settings, Consumer<String> progress) {
        DatabaseServer server = ServerSelector.fromEnvironment(settings).start();
        try {
            return new Workshop(server, Database.open(server.connectionTo(server.defaultDatabase()),
                    settings.giveUp(), progress));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    public DatabaseServer server() {
        return server;
    }

    /** The first line every lesson prints: which database, which version, and why this one. */
    public String banner() {
        return banner(server, database);
    }

    static String banner(DatabaseServer server, Database database) {
        String what = switch (server.kind()) {
            case EMBEDDED -> "embedded " + database.shortVersion()
                    + " in SERIALIZABLE mode, standing in for CockroachDB";
            // The server's default isolation may be anything: say what the lessons' transactions run at.
            case COCKROACH_CONTAINER -> database.shortVersion() + " in a container, transactions run SERIALIZABLE";
            case URL -> database.shortVersion() + " at " + database.settings().display()
                    + ", transactions run SERIALIZABLE";
        };
        return "Database: " + what + " (" + server.reason() + ")";
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            server.close();
        }
    }
}
