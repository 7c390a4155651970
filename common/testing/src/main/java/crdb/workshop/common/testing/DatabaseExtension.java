package crdb.workshop.common.testing;

import crdb.workshop.common.SqlState;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.server.DatabaseServer;
import crdb.workshop.common.server.ServerSelector;
import crdb.workshop.common.server.Vendor;
import crdb.workshop.common.settings.Settings;
import crdb.workshop.common.url.ConnectionSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 side of {@link DatabaseTest}: one server per JVM (the root store closes it when
 * the run ends), and a freshly created database per test class, which the class store closes and
 * drops when the class is done. A user without CREATEDB (a learner's own cluster) gets a schema per
 * test class instead; a user who may create neither gets one line naming the privilege to grant.
 */
public final class DatabaseExtension implements BeforeAllCallback, ParameterResolver {

    /** SQLSTATE 42501: permission denied, on PostgreSQL and CockroachDB alike. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DatabaseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        SharedServer shared = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SharedServer.class, key -> SharedServer.start(), SharedServer.class);
        String name = databaseName(context.getRequiredTestClass());
        // -Dworkshop.schemaPerClass=true: the schema mode for a user who may create databases (to test it).
        ClassDatabase classDatabase = shared.mayCreateDatabases() && !Boolean.getBoolean("workshop.schemaPerClass")
                ? ClassDatabase.inOwnDatabase(shared.server, name)
                : ClassDatabase.inOwnSchema(shared.server, name);
        context.getStore(NAMESPACE).put(Database.class, classDatabase);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Database.class || type == SqlSessionFactory.class || type == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Database database = classDatabase(context).database;
        Class<?> type = parameter.getParameter().getType();
        if (type == SqlSessionFactory.class) {
            return database.sessionFactory();
        }
        return type == DataSource.class ? database.dataSource() : database;
    }

    private static ClassDatabase classDatabase(ExtensionContext context) {
        ClassDatabase found = context.getStore(NAMESPACE).get(Database.class, ClassDatabase.class);
        if (found == null) {
            throw new IllegalStateException("@DatabaseTest gives a database to test classes; "
                    + context.getDisplayName() + " asked for one outside its class lifecycle");
        }
        return found;
    }

    /** A database name that says which class it belongs to and cannot collide with another run. */
    private static String databaseName(Class<?> testClass) {
        String base = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (base.length() > 40) {
            base = base.substring(0, 40);
        }
        return "t_" + base + "_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    }

    /** Runs one statement on the server's default database, outside any pool. */
    private static void execute(DatabaseServer server, String sql) throws SQLException {
        ConnectionSettings admin = server.connectionTo(server.defaultDatabase());
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.properties());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The server, started on first use and stopped when the whole test run ends. */
    private static final class SharedServer implements AutoCloseable {
        private final DatabaseServer server;
        private Boolean mayCreateDatabases;

        private SharedServer(DatabaseServer server) {
            this.server = server;
        }

        static SharedServer start() {
            return new SharedServer(ServerSelector.fromEnvironment(Settings.fromEnvironment()).start());
        }

        /**
         * Whether this user may CREATE DATABASE; asked once. A learner's own cluster user often may
         * not, and then each test class gets a schema in the URL's database instead.
         */
        synchronized boolean mayCreateDatabases() throws SQLException {
            if (mayCreateDatabases == null) {
                String probe = "t_createdb_probe_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
                try {
                    execute(server, "CREATE DATABASE " + probe);
                    execute(server, "DROP DATABASE " + probe);
                    mayCreateDatabases = true;
                } catch (SQLException e) {
                    if (!INSUFFICIENT_PRIVILEGE.equals(SqlState.of(e))) {
                        throw e;
                    }
                    mayCreateDatabases = false;
                }
            }
            return mayCreateDatabases;
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** One test class's database, or schema: closed and dropped when the class is done. */
    private static final class ClassDatabase implements AutoCloseable {
        private final DatabaseServer server;
        private final String name;
        private final Database database;
        private final boolean ownSchema;

        private ClassDatabase(DatabaseServer server, String name, Database database, boolean ownSchema) {
            this.server = server;
            this.name = name;
            this.database = database;
            this.ownSchema = ownSchema;
        }

        static ClassDatabase inOwnDatabase(DatabaseServer server, String name) throws SQLException {
            execute(server, "CREATE DATABASE " + name);
            return open(server, server.connectionTo(name), name, false);
        }

        /**
         * A schema of the class's own in the server's default database; the connections' search
         * path (pgjdbc's currentSchema) puts it first, so dbinit.sql and the tests use its tables.
         */
        static ClassDatabase inOwnSchema(DatabaseServer server, String name) throws SQLException {
            try {
                execute(server, "CREATE SCHEMA " + name);
            } catch (SQLException e) {
                if (INSUFFICIENT_PRIVILEGE.equals(SqlState.of(e))) {
                    throw new IllegalStateException(noPrivilege(server), e);
                }
                throw e;
            }
            ConnectionSettings base = server.connectionTo(server.defaultDatabase());
            Properties props = base.properties();
            props.setProperty("currentSchema", name);
            return open(server, new ConnectionSettings(base.jdbcUrl(), props, base.display() + " (schema " + name + ")"),
                    name, true);
        }

        private static ClassDatabase open(DatabaseServer server, ConnectionSettings settings, String name,
                boolean ownSchema) throws SQLException {
            ClassDatabase opened = new ClassDatabase(server, name, Database.open(settings), ownSchema);
            try {
                opened.database.applySchema();
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            return opened;
        }

        private static String noPrivilege(DatabaseServer server) {
            String user = server.connectionTo(server.defaultDatabase()).user();
            return "The tests need a database or a schema of their own per test class, and user '" + user
                    + "' may create neither. Grant one, as an admin: ALTER ROLE " + user + " CREATEDB; or GRANT"
                    + " CREATE ON DATABASE " + server.defaultDatabase() + " TO " + user + ";";
        }

        @Override
        public void close() throws SQLException {
            Vendor vendor = database.vendor();
            database.close();
            if (ownSchema) {
                execute(server, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
            } else {
                execute(server, vendor == Vendor.COCKROACHDB
                        ? "DROP DATABASE IF EXISTS " + name + " CASCADE"
                        : "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }
}
