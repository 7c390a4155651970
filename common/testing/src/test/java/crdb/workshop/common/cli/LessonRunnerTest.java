package crdb.workshop.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.db.ServerAddress;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.settings.Settings;
import crdb.workshop.common.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lesson runner's flags and its normal path, against this test class's database reached
 * through DATABASE_URL, as a learner's cluster would be.
 */
@DatabaseTest
class LessonRunnerTest {

    private final Database database;
    private final String url;

    LessonRunnerTest(Database database) {
        this.database = database;
        this.url = ServerAddress.of(database).url(ServerAddress.databaseName(database));
    }

    @BeforeEach
    void emptyAccounts() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM accounts");
            connection.commit();
        }
    }

    @Test
    void printsTheBannerAppliesTheSchemaThenRunsTheLesson() {
        CapturedRun run = run(Map.of("DATABASE_URL", url), (db, out) -> {
            try (SqlSession session = db.sessionFactory().openSession()) {
                out.println("accounts: " + session.getMapper(AccountMapper.class).count());
            }
        });

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(0)).startsWith("Database: " + database.shortVersion() + " at postgresql://")
                .endsWith("(from DATABASE_URL)");
        assertThat(run.outLines().get(1)).isEqualTo("accounts: 0");
        assertThat(run.err()).isEmpty();
        assertThat(run.console()).as("what libraries printed on a healthy run").isEmpty();
    }

    @Test
    void echoSqlPrintsEachStatementWithItsParameters() throws SQLException {
        UUID id = UUID.randomUUID();

        CapturedRun run = run(Map.of("DATABASE_URL", url), (db, out) -> insert(db, new Account(id, 4242)),
                "--echo-sql");

        assertThat(run.status()).isZero();
        List<String> sql = run.outLines().stream().filter(line -> line.startsWith("SQL ")).toList();
        assertThat(sql).containsExactly(
                "SQL BEGIN (" + defaultIsolation() + ")",
                "SQL ==>  Preparing: INSERT INTO accounts (id, balance) VALUES (?, ?)",
                "SQL ==> Parameters: " + id + "(UUID), 4242(Long)",
                "SQL <==    Updates: 1",
                "SQL COMMIT");
        assertThat(balanceOf(id)).isEqualTo(4242);
    }

    @Test
    void echoSqlHasAnEnvironmentTwin() {
        CapturedRun run = run(Map.of("DATABASE_URL", url, "WORKSHOP_ECHO_SQL", "true"),
                (db, out) -> insert(db, new Account(UUID.randomUUID(), 7)));

        assertThat(run.outLines()).anyMatch(line -> line.startsWith("SQL ==>  Preparing: INSERT INTO accounts"));
    }

    @Test
    void withoutEchoSqlNoStatementIsPrinted() {
        CapturedRun run = run(Map.of("DATABASE_URL", url), (db, out) -> insert(db, new Account(UUID.randomUUID(), 7)));

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).noneMatch(line -> line.startsWith("SQL"));
    }

    @Test
    void echoStopsWhenTheRunEnds() {
        CapturedRun run = run(Map.of("DATABASE_URL", url), (db, out) -> { }, "--echo-sql");

        insert(database, new Account(UUID.randomUUID(), 7));

        assertThat(run.out()).doesNotContain("INSERT");
        assertThat(run.console()).doesNotContain("INSERT");
    }

    @Test
    void verboseAddsTheStackTraceAfterTheOneLine() {
        ServerAddress server = ServerAddress.of(database);
        Map<String, String> env = Map.of("DATABASE_URL",
                server.url(server.user(), server.driverProperties().getProperty("password"), "missing_db_zq7"));

        CapturedRun quiet = run(env, (db, out) -> { });
        CapturedRun verbose = run(env, (db, out) -> { }, "--verbose");

        assertThat(quiet.errLines()).hasSize(1);
        assertThat(verbose.errLines().get(0)).isEqualTo(quiet.errLines().get(0));
        assertThat(verbose.errLines()).hasSizeGreaterThan(5);
        assertThat(verbose.err()).contains("crdb.workshop.common.WorkshopException: ")
                .contains("Caused by: org.postgresql.util.PSQLException")
                .contains("\tat crdb.workshop.common.db.Database.");
    }

    @Test
    void failureInsideTheLessonIsOneLineWithItsSqlState() {
        UUID id = UUID.randomUUID();

        // dbinit.sql's CHECK (balance >= 0) refuses the row; MyBatis wraps the error in a page of context.
        CapturedRun run = run(Map.of("DATABASE_URL", url), (db, out) -> insert(db, new Account(id, -5)));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("Failed: ")
                .contains("(SQLSTATE 23514)")
                .endsWith("(run with --verbose for the stack trace)");
        assertThat(balanceOf(id)).as("balance of the refused account").isNull();
    }

    @Test
    void unknownOptionIsOneLineAndExitTwoBeforeAnythingStarts() {
        AtomicInteger settingsRead = new AtomicInteger();

        CapturedRun run = CapturedRun.of(() -> {
            settingsRead.incrementAndGet();
            return Settings.from(Map.of("DATABASE_URL", url), new Properties());
        }, (db, out) -> { }, "--echo");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("Unknown option '--echo'. Options: --echo-sql (print the SQL),"
                + " --verbose (stack traces on failure).");
        assertThat(run.out()).isEmpty();
        assertThat(run.lessonRan()).isFalse();
        assertThat(settingsRead).as("settings read (no database was looked for)").hasValue(0);
    }

    private static CapturedRun run(Map<String, String> env, LessonRunner.Lesson lesson, String... args) {
        return CapturedRun.of(() -> Settings.from(new HashMap<>(env), new Properties()), lesson, args);
    }

    private static void insert(Database db, Account account) {
        try (SqlSession session = db.sessionFactory().openSession()) {
            session.getMapper(AccountMapper.class).insert(account);
            session.commit();
        }
    }

    /** What BEGIN shows: the server's default isolation, as echo reads it once at start-up. */
    private String defaultIsolation() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SHOW default_transaction_isolation")) {
            rs.next();
            String level = rs.getString(1).toUpperCase(java.util.Locale.ROOT);
            connection.commit();
            return level;
        }
    }

    private Long balanceOf(UUID id) {
        try (SqlSession session = database.sessionFactory().openSession()) {
            Account account = session.getMapper(AccountMapper.class).findById(id);
            return account == null ? null : account.balance();
        }
    }
}
