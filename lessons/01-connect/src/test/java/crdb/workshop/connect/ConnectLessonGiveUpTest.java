package crdb.workshop.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.RetriesExhaustedException;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.SilentProxy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Lesson 01 with its server gone silent as it lists the tables (a real loopback proxy that stops
 * forwarding): it waits up to the give-up time, saying so, like every other lesson. Before, the
 * listing ran in a bare SqlSession, so a lost connection ended the lesson at once ("gave up"
 * without waiting; .ci/sweep-on-postgres found it) and silence ended it after the socket timeout
 * with no line while it waited.
 */
@DatabaseTest
class ConnectLessonGiveUpTest {

    private static final Duration GIVE_UP = Duration.ofSeconds(3);

    @Test
    void serverGoneSilentWhileListingTablesEndsTheLessonWithinTheGiveUpTimeWithProgress(Database database)
            throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (SilentProxy proxy = SilentProxy.start(database.settings())) {
            // The server goes silent once the lesson has printed its last line before the listing.
            PrintStream out = proxy.silentOncePrinted("Applied dbinit.sql.", printed);
            Throwable failure;
            try (Database proxied = Database.open(proxy.route(database.settings()), GIVE_UP, progress::add)) {
                failure = catchThrowable(() -> ConnectLesson.run(proxied, out));
            }
            Duration afterSilence = Duration.ofNanos(System.nanoTime() - proxy.silentSince());

            assertThat(proxy.silentSince()).as("the lesson reached the listing").isNotZero();
            assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("Tables:");
            assertThat(failure).isInstanceOf(RetriesExhaustedException.class);
            assertThat(afterSilence).isLessThan(GIVE_UP.plusSeconds(5));
            assertThat(progress).isNotEmpty().allMatch(line -> line.startsWith("Waiting for the database: no answer"));
        }
    }
}
