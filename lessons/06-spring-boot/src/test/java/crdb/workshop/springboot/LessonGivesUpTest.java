package crdb.workshop.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.testing.BackendTerminator;
import crdb.workshop.common.testing.CommitDroppingProxy;
import crdb.workshop.common.testing.DatabaseTest;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

/**
 * The lesson with its server gone: it runs through a loopback proxy, which stops accepting and
 * whose sessions are ended while the lesson waits in --serve. When Enter comes, the lesson's
 * cleanup meets no server; the run must end within its give-up time G (plus a little), saying
 * while it waits that the database does not answer.
 */
@DatabaseTest
class LessonGivesUpTest {

    private static final Duration GIVE_UP = Duration.ofSeconds(8);

    @Test
    void withTheServerGoneTheLessonEndsWithinItsGiveUpTimeAndSaysItIsWaiting(Database database) throws Exception {
        assumeFalse(database.isCockroachDb(), "pg_terminate_backend is PostgreSQL's");
        CommitDroppingProxy proxy = CommitDroppingProxy.start(database.settings());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        try (Database through = Database.open(proxy.route(database.settings()), GIVE_UP);
                PipedOutputStream enter = new PipedOutputStream()) {
            PipedInputStream untilEnter = new PipedInputStream(enter);
            PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
            CompletableFuture<Throwable> lesson = CompletableFuture.supplyAsync(() -> {
                try {
                    SpringBootLesson.run(through, out, ServeOptions.parse("--serve"), untilEnter);
                    return null;
                } catch (Throwable failure) {
                    return failure;
                }
            });
            while (!printed.toString(StandardCharsets.UTF_8).contains("Press Enter") && !lesson.isDone()) {
                Thread.sleep(50);
            }
            proxy.close(); // no new connection gets through
            try (BackendTerminator terminator = BackendTerminator.start(database, 1, 1)) {
                while (terminator.terminations() == 0) {
                    Thread.sleep(10);
                }
            }
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            long start = System.nanoTime();
            enter.write('\n');
            enter.flush();

            Throwable failure = lesson.get(GIVE_UP.toSeconds() + 30, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(failure).as("the cleanup could not reach the server").isNotNull();
            assertThat(took).as("time from Enter to the end").isLessThanOrEqualTo(GIVE_UP.plusSeconds(5));
            assertThat(logged.toString(StandardCharsets.UTF_8)).contains("The database connection failed");
        } finally {
            System.setErr(stderr);
            deleteTheLessonsAccounts(database, printed.toString(StandardCharsets.UTF_8));
        }
    }

    /** What the lesson could not delete, deleted here: its two accounts and their transfers, by the ids it printed. */
    private static void deleteTheLessonsAccounts(Database database, String printed) {
        Matcher id = Pattern.compile("account id: ([0-9a-f-]{36})").matcher(printed);
        List<UUID> ids = id.results().map(m -> UUID.fromString(m.group(1))).distinct().toList();
        if (ids.size() != 2) {
            return;
        }
        try (SqlSession session = database.sessionFactory().openSession(true)) {
            try (PreparedStatement transfers = session.getConnection().prepareStatement(
                    "DELETE FROM transfers WHERE from_id IN (?, ?) OR to_id IN (?, ?)")) {
                for (int i = 0; i < 4; i++) {
                    transfers.setObject(i + 1, ids.get(i % 2));
                }
                transfers.executeUpdate();
            }
            session.getMapper(AccountMapper.class).deleteByIds(ids);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
