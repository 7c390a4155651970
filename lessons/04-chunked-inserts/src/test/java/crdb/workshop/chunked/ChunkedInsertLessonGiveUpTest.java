package crdb.workshop.chunked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.SilentProxy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Lesson 04 with its server gone silent while its second pool (reWriteBatchedInserts) sends chunks:
 * the run gives up within its one give-up time and says it is waiting. Before, that pool had the
 * default 30 s of its own and no progress lines (.ci/sweep-on-postgres: 25.4 s and silence at G = 10 s).
 */
@DatabaseTest
class ChunkedInsertLessonGiveUpTest {

    private static final Duration GIVE_UP = Duration.ofSeconds(3);

    @Test
    void serverGoneSilentWhileSendingChunksEndsTheLessonWithinTheRunsGiveUpTimeWithProgress(Database database)
            throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (SilentProxy proxy = SilentProxy.start(database.settings())) {
            // The server goes silent as the lesson starts sending every point again, in chunks.
            PrintStream out = proxy.silentOncePrinted("Sending all the points again", printed);
            Throwable failure;
            try (Database proxied = Database.open(proxy.route(database.settings()), GIVE_UP, progress::add)) {
                failure = catchThrowable(() -> ChunkedInsertLesson.run(proxied, out));
            }
            Duration afterSilence = Duration.ofNanos(System.nanoTime() - proxy.silentSince());

            assertThat(proxy.silentSince()).as("the lesson reached its second load").isNotZero();
            assertThat(failure).isNotNull();
            assertThat(afterSilence).isLessThan(GIVE_UP.plusSeconds(5));
            assertThat(progress).isNotEmpty().allMatch(line -> line.startsWith("Waiting for the database: no answer"));
        }
    }
}
