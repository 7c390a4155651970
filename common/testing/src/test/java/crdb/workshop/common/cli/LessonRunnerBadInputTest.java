package crdb.workshop.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.db.LoginRole;
import crdb.workshop.common.db.ServerAddress;
import crdb.workshop.common.server.DockerProbe;
import crdb.workshop.common.server.Vendor;
import crdb.workshop.common.settings.Settings;
import crdb.workshop.common.testing.DatabaseTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mistake a learner can make on the way to a database, run end to end through the lesson
 * runner: exit status 1, exactly one line on stderr saying what is wrong and how to fix it (a
 * stack trace only with --verbose), the password nowhere in any output, and nothing written: the
 * lesson never runs and dbinit.sql is not applied.
 *
 * <p>The server-side cases run against the real test server. The embedded PostgreSQL trusts
 * local connections, so it never checks a password: there the realistic credential failure is an
 * unknown user (role), SQLSTATE 28000. A CockroachDB cluster answers a wrong password with 28P01;
 * the runner gives both the same message.
 */
@DatabaseTest
class LessonRunnerBadInputTest {

    /** Appears in every URL below and must appear in no output. */
    private static final String SECRET = "Hunter2-Zq7x9";

    private final ServerAddress server;
    private final String databaseName;
    private final boolean serverHasNoTls;

    LessonRunnerBadInputTest(Database database) {
        this.server = ServerAddress.of(database);
        this.databaseName = ServerAddress.databaseName(database);
        this.serverHasNoTls = database.settings().display().startsWith("embedded PostgreSQL");
    }

    /** One bad setting: the environment it makes and what the one line must say. */
    record BadInput(String name, BiFunction<ServerAddress, String, Map<String, String>> env, List<String> says,
            boolean needsServerWithoutTls) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadInput> badInputs() {
        return Stream.of(
                input("malformed URL", "postgresql:/maxroach:" + SECRET + "@localhost:26257/defaultdb",
                        "not a connection URL", "Use the form postgresql://"),
                input("unknown scheme", "mysql://maxroach:" + SECRET + "@localhost:3306/bank",
                        "unknown scheme 'mysql'", "Use postgresql://"),
                input("missing host", "postgresql://maxroach:" + SECRET + "@:26257/defaultdb",
                        "has no host", "Put the server's address after the '@'"),
                input("bad port", "postgresql://maxroach:" + SECRET + "@localhost:99999/defaultdb",
                        "port '99999', which is not a port number", "26257"),
                input("bad sslmode", "postgresql://maxroach:" + SECRET + "@localhost:26257/defaultdb?sslmode=on",
                        "sslmode=on, which is not an SSL mode", "Use one of: disable, require"),
                input("missing sslrootcert file", "postgresql://maxroach:" + SECRET + "@localhost:26257/defaultdb"
                        + "?sslmode=verify-full&sslrootcert=/no/such/dir/root.crt",
                        "no readable file is there", "Download the cluster's CA certificate"),
                input("unknown parameter",
                        "postgresql://maxroach:" + SECRET + "@localhost:26257/defaultdb?ssl_mode=require",
                        "parameter 'ssl_mode', which pgjdbc does not understand", "Remove it"),
                new BadInput("empty DATABASE_URL", (server, db) -> Map.of("DATABASE_URL", ""),
                        List.of("DATABASE_URL is empty", "or unset it to use the embedded database"), false),
                new BadInput("bad WORKSHOP_DATABASE", (server, db) -> Map.of("WORKSHOP_DATABASE", "mysql"),
                        List.of("WORKSHOP_DATABASE is 'mysql', which is not a database kind", "Use one of: url"),
                        false),
                new BadInput("WORKSHOP_DATABASE=url without DATABASE_URL",
                        (server, db) -> Map.of("WORKSHOP_DATABASE", "url"),
                        List.of("DATABASE_URL is not set", "Export DATABASE_URL"), false),
                new BadInput("refused connection", (server, db) -> Map.of("DATABASE_URL",
                        "postgresql://maxroach:" + SECRET + "@localhost:" + closedPort() + "/defaultdb"),
                        List.of("connection refused", "Is the server running?"), false),
                input("unknown host", "postgresql://maxroach:" + SECRET + "@no-such-host.invalid:26257/defaultdb",
                        "Unknown host in postgresql://maxroach:****@no-such-host.invalid:26257/defaultdb",
                        "Check the host name"),
                new BadInput("unknown user (role)",
                        (server, db) -> Map.of("DATABASE_URL", server.url("nosuchuser", SECRET, db)),
                        List.of("The server refused user 'nosuchuser'", "Check the credentials in DATABASE_URL"),
                        false),
                new BadInput("unknown database",
                        (server, db) -> Map.of("DATABASE_URL",
                                server.url(server.user(), password(server), "no_such_db")),
                        List.of("/no_such_db", "does not exist", "put an existing one, such as defaultdb"), false),
                new BadInput("TLS required by a server without TLS",
                        (server, db) -> Map.of("DATABASE_URL",
                                server.url(server.user(), password(server), db)
                                        .replace("sslmode=disable", "sslmode=require")),
                        List.of("does not support TLS, and sslmode=require requires it",
                                "started with --insecure use sslmode=disable"), true));
    }

    static Stream<Arguments> badInputsWithAndWithoutVerbose() {
        return badInputs().flatMap(input -> Stream.of(Arguments.of(input, false), Arguments.of(input, true)));
    }

    @ParameterizedTest(name = "{0}, verbose={1}")
    @MethodSource("badInputsWithAndWithoutVerbose")
    void badInputEndsInOneLineAndExitOne(BadInput input, boolean verbose) {
        Assumptions.assumeTrue(!input.needsServerWithoutTls() || serverHasNoTls,
                "needs a server without TLS, as the embedded PostgreSQL is");
        Map<String, String> env = input.env().apply(server, databaseName);

        CapturedRun run = CapturedRun.of(() -> Settings.from(env, new Properties()), (database, out) -> { },
                verbose ? new String[] {"--verbose"} : new String[0]);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lessonRan()).as("the lesson ran").isFalse();
        // At most the banner: CockroachDB accepts a connection to a missing database and fails on dbinit.sql.
        assertThat(run.outLines()).allMatch(line -> line.startsWith("Database: "));
        assertThat(run.errLines()).isNotEmpty();
        String line = run.errLines().get(0);
        for (String words : input.says()) {
            assertThat(line).contains(words);
        }
        if (verbose) {
            assertThat(run.err()).contains("\tat crdb.workshop.common.");
        } else {
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.console()).doesNotContain("\tat ");
        }
        assertThat(run.everything()).doesNotContain(SECRET).doesNotContain(password(server));
    }

    @Test
    void unknownUserWritesNothing(Database database) throws SQLException {
        try (FreshDatabase fresh = FreshDatabase.create(database)) {
            CapturedRun run = runWith(Map.of("DATABASE_URL", server.url("nosuchuser", SECRET, fresh.name())));

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.lessonRan()).isFalse();
            assertThat(fresh.tables()).as("tables after the failed run").isEmpty();
        }
    }

    @Test
    void unknownDatabaseIsNotCreated(Database database) throws SQLException {
        CapturedRun run = runWith(Map.of("DATABASE_URL", server.url(server.user(), password(server), "no_such_db")));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lessonRan()).isFalse();
        try (Connection admin = adminConnection(database);
             PreparedStatement query = admin.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            query.setString(1, "no_such_db");
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void userWhoMayNotCreateTablesStopsBeforeTheLesson(Database database) throws SQLException {
        Assumptions.assumeFalse(database.isCockroachDb(),
                "creates a login role without a password, which a secure CockroachDB cluster refuses");
        try (FreshDatabase fresh = FreshDatabase.create(database);
             LoginRole reader = LoginRole.create(database, "lesson_reader", SECRET)) {
            CapturedRun run = runWith(Map.of("DATABASE_URL", server.url("lesson_reader", SECRET, fresh.name())));

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.lessonRan()).isFalse();
            assertThat(run.outLines()).singleElement().asString().startsWith("Database: ");
            assertThat(run.errLines()).singleElement().asString()
                    .contains("User 'lesson_reader' may not create tables in")
                    .contains("running dbinit.sql")
                    .contains("GRANT CREATE ON SCHEMA public TO lesson_reader");
            assertThat(run.console()).isEmpty();
            assertThat(run.everything()).doesNotContain(SECRET);
            assertThat(fresh.tables()).isEmpty();
        }
    }

    @Test
    void forcedCockroachdbWithoutDockerIsOneLine() {
        Assumptions.assumeFalse(DockerProbe.testcontainers().dockerAnswers(),
                "a Docker engine answers here, so WORKSHOP_DATABASE=cockroachdb would start a container");

        CapturedRun run = runWith(Map.of("WORKSHOP_DATABASE", "cockroachdb"));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lessonRan()).isFalse();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("WORKSHOP_DATABASE=cockroachdb, but no Docker engine answered."
                + " Start Docker, or unset WORKSHOP_DATABASE to use the embedded database.");
    }

    private static CapturedRun runWith(Map<String, String> env) {
        return CapturedRun.of(() -> Settings.from(new HashMap<>(env), new Properties()), (database, out) -> { });
    }

    private static BadInput input(String name, String url, String problem, String fix) {
        return new BadInput(name, (server, db) -> Map.of("DATABASE_URL", url), List.of(problem, fix), false);
    }

    /** The test server's real password if it has one, else one that the trusting embedded server ignores. */
    private static String password(ServerAddress server) {
        return server.driverProperties().getProperty("password", SECRET);
    }

    /** A port nothing listens on: the system picks a free one, and we close it again. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Connection adminConnection(Database database) throws SQLException {
        return DriverManager.getConnection(database.settings().jdbcUrl(), database.settings().properties());
    }

    /** An empty database of its own for a test that must show nothing was written; dropped afterwards. */
    private record FreshDatabase(Database admin, String name) implements AutoCloseable {

        static FreshDatabase create(Database admin) throws SQLException {
            FreshDatabase fresh = new FreshDatabase(admin, ServerAddress.databaseName(admin) + "_fresh");
            fresh.execute("CREATE DATABASE " + fresh.name);
            return fresh;
        }

        /** The tables in the public schema, read with the administrator's connection to this database. */
        List<String> tables() throws SQLException {
            String url = admin.settings().jdbcUrl();
            url = url.substring(0, url.lastIndexOf('/') + 1) + name;
            try (Connection connection = DriverManager.getConnection(url, admin.settings().properties());
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                         + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                List<String> tables = new java.util.ArrayList<>();
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
                return tables;
            }
        }

        @Override
        public void close() throws SQLException {
            execute(admin.vendor() == Vendor.COCKROACHDB
                    ? "DROP DATABASE IF EXISTS " + name + " CASCADE"
                    : "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }

        private void execute(String sql) throws SQLException {
            try (Connection connection = adminConnection(admin);
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }
}
