package crdb.workshop.benchmarks;

import crdb.workshop.common.SqlState;
import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.url.ConnectionSettings;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A schema of the benchmark's own, made fresh for one run and dropped after it, with a pool whose
 * search path is that schema alone. The benchmark creates its tables there (accounts, transfers,
 * points) and may empty them as it likes: it cannot reach a row it did not write, in any table.
 * Dropped when the run ends, however it ends: by {@link #close()}, or by a shutdown hook (Ctrl-C)
 * that gives up after {@link #CLEANUP_SECONDS}.
 */
public final class BenchmarkSchema implements AutoCloseable {

    /** How long dropping the schema may take, at the end of a run or in the shutdown hook. */
    public static final int CLEANUP_SECONDS = 15;

    private final ConnectionSettings admin;
    private final String name;
    private final Database database;
    private final Thread hook;
    private final AtomicBoolean dropped = new AtomicBoolean();

    private BenchmarkSchema(ConnectionSettings admin, String name, Database database) {
        this.admin = admin;
        this.name = name;
        this.database = database;
        this.hook = new Thread(this::drop, "drop-" + name);
    }

    /** Creates schema {@code prefix_<random>} and opens a pool in it; runs {@code scripts} there. */
    public static BenchmarkSchema create(Database database, String prefix, String... scripts) {
        String name = prefix + "_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        ConnectionSettings admin = database.settings();
        try {
            execute(admin, "CREATE SCHEMA " + name); // no IF NOT EXISTS: never one that someone else made
        } catch (SQLException e) {
            throw new WorkshopException("The benchmark works in a schema of its own and could not create one ("
                    + "SQLSTATE " + SqlState.of(e) + "). Grant it, as an admin: GRANT CREATE ON DATABASE <database>"
                    + " TO " + admin.user() + ";", e);
        }
        Properties properties = admin.properties();
        properties.setProperty("currentSchema", name);
        Database own;
        try {
            own = Database.open(new ConnectionSettings(admin.jdbcUrl(), properties,
                    admin.display() + " (schema " + name + ")"));
        } catch (RuntimeException e) {
            dropQuietly(admin, name);
            throw e;
        }
        BenchmarkSchema schema = new BenchmarkSchema(admin, name, own);
        Runtime.getRuntime().addShutdownHook(schema.hook);
        try {
            own.applySchema();
            for (String script : scripts) {
                own.runScript(script);
            }
        } catch (RuntimeException e) {
            schema.close();
            throw e;
        }
        return schema;
    }

    /** The pool whose connections see only this schema. */
    public Database database() {
        return database;
    }

    public String name() {
        return name;
    }

    /** Closes the pool and drops the schema with everything the benchmark wrote. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down already: the hook drops it
        }
        drop();
    }

    private void drop() {
        if (!dropped.compareAndSet(false, true)) {
            return;
        }
        Thread worker = new Thread(() -> {
            database.close();
            dropQuietly(admin, name);
        }, "dropping-" + name);
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(CLEANUP_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            System.err.println("Could not drop the benchmark's schema " + name + " within " + CLEANUP_SECONDS
                    + " s; drop it by hand: DROP SCHEMA " + name + " CASCADE;");
        }
    }

    private static void dropQuietly(ConnectionSettings admin, String name) {
        try {
            execute(admin, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            System.err.println("Could not drop the benchmark's schema " + name + " (SQLSTATE " + SqlState.of(e)
                    + "); drop it by hand: DROP SCHEMA " + name + " CASCADE;");
        }
    }

    /** One statement on a connection of its own, bounded in time: no pool to wait for. */
    private static void execute(ConnectionSettings settings, String sql) throws SQLException {
        Properties properties = settings.properties();
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", String.valueOf(CLEANUP_SECONDS));
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), properties);
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true); // a schema change alone: on CockroachDB, outside any transaction
            statement.execute(sql);
        }
    }
}
