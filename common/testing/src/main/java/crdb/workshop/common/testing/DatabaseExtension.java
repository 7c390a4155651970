package crdb.workshop.common.testing;

import crdb.workshop.common.db.ConnectionSettings;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.db.DatabaseServer;
import crdb.workshop.common.db.ServerSelector;
import crdb.workshop.common.db.Settings;
import crdb.workshop.common.db.Vendor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
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
 * drops when the class is done.
 */
public final class DatabaseExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DatabaseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        SharedServer shared = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SharedServer.class, key -> SharedServer.start(), SharedServer.class);
        String name = databaseName(context.getRequiredTestClass());
        execute(shared.server, "CREATE DATABASE " + name);
        Database database = Database.open(shared.server.connectionTo(name));
        database.applySchema();
        context.getStore(NAMESPACE).put(Database.class, new ClassDatabase(shared.server, name, database));
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

        private SharedServer(DatabaseServer server) {
            this.server = server;
        }

        static SharedServer start() {
            return new SharedServer(ServerSelector.fromEnvironment(Settings.fromEnvironment()).start());
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** One test class's database: closed and dropped when the class is done. */
    private static final class ClassDatabase implements AutoCloseable {
        private final DatabaseServer server;
        private final String name;
        private final Database database;

        ClassDatabase(DatabaseServer server, String name, Database database) {
            this.server = server;
            this.name = name;
            this.database = database;
        }

        @Override
        public void close() throws SQLException {
            Vendor vendor = database.vendor();
            database.close();
            execute(server, vendor == Vendor.COCKROACHDB
                    ? "DROP DATABASE IF EXISTS " + name + " CASCADE"
                    : "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
