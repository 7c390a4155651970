package crdb.workshop.connect;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.settings.Settings;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.PrintedOutput;
import crdb.workshop.common.testing.Sql;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

/** Lesson 01 says which server answered and lists the tables, and can run again and again. */
@DatabaseTest
class ConnectLessonTest {

    private final Database database;

    ConnectLessonTest(Database database) {
        this.database = database;
    }

    @Test
    void printsTheServerVersionWhetherItIsCockroachDbAndTheTables() throws Exception {
        List<String> lines = run().lines().toList();

        assertThat(lines).containsExactly(
                "Server version: " + database.serverVersion(),
                database.isCockroachDb()
                        ? "CockroachDB: yes"
                        : "CockroachDB: no (PostgreSQL speaks the same protocol;"
                                + " CockroachDB-only features are skipped)",
                "Applied dbinit.sql.",
                "Tables: accounts");
        assertThat(lines.get(0))
                .startsWith(database.isCockroachDb() ? "Server version: CockroachDB" : "Server version: PostgreSQL");
    }

    @Test
    void listsWhateverTablesTheCurrentSchemaHasInOrder() throws Exception {
        Sql.execute(database, "CREATE TABLE audit_log (id INT8 PRIMARY KEY)");
        try {
            assertThat(run()).contains("Tables: accounts, audit_log\n");
        } finally {
            Sql.execute(database, "DROP TABLE audit_log");
        }
    }

    @Test
    void applyingDbinitTwiceKeepsTheRows() {
        UUID id = UUID.randomUUID();
        insert(new Account(id, 250));

        database.applySchema();
        database.applySchema();

        try (SqlSession session = database.sessionFactory().openSession()) {
            assertThat(session.getMapper(AccountMapper.class).findById(id)).isEqualTo(new Account(id, 250));
        }
    }

    @Test
    void runsAgainOnTheSameDatabase() {
        Settings settings = Settings.from(Map.of("DATABASE_URL", databaseUrl()), new Properties());
        UUID id = UUID.randomUUID();

        Run first = Run.of(settings);
        insert(new Account(id, 100));
        Run second = Run.of(settings);

        assertThat(first.status).isZero();
        assertThat(second.status).isZero();
        assertThat(second.err).isEmpty();
        assertThat(second.out).isEqualTo(first.out).contains("Tables: accounts\n");
        try (SqlSession session = database.sessionFactory().openSession()) {
            assertThat(session.getMapper(AccountMapper.class).findById(id)).isEqualTo(new Account(id, 100));
        }
    }

    /** The lesson's body, as the runner calls it after the banner and dbinit.sql. */
    private String run() throws Exception {
        return PrintedOutput.of(database, ConnectLesson::run);
    }

    /** The whole program, as `exec:java` runs it, pointed at this class's database by DATABASE_URL. */
    private record Run(int status, String out, String err) {
        static Run of(Settings settings) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = LessonRunner.run(new String[0], settings, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), ConnectLesson::run);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** A DATABASE_URL for this test class's database, as a learner would write it. */
    private String databaseUrl() {
        String jdbcUrl = database.settings().jdbcUrl();
        Properties props = database.settings().properties();
        String user = URLEncoder.encode(props.getProperty("user"), StandardCharsets.UTF_8);
        String password = props.containsKey("password")
                ? ":" + URLEncoder.encode(props.getProperty("password"), StandardCharsets.UTF_8) : "";
        // A class given a schema of its own (a user without CREATEDB) keeps it: the run must not
        // write to the database's public schema.
        String schema = props.containsKey("currentSchema") ? "&currentSchema=" + props.getProperty("currentSchema") : "";
        return "postgresql://" + user + password + "@" + jdbcUrl.substring("jdbc:postgresql://".length())
                + "?sslmode=" + props.getProperty("sslmode", "disable") + schema;
    }

    private void insert(Account account) {
        try (SqlSession session = database.sessionFactory().openSession()) {
            session.getMapper(AccountMapper.class).insert(account);
            session.commit();
        }
    }
}
