package crdb.workshop.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.RetriesExhaustedException;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.SilentProxy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Lesson 03 with its server gone silent mid-run (a real loopback proxy that stops forwarding):
 * the hand-written loop, the executor's read-back and the cleanup together stay within one
 * give-up time, and the run says it is waiting. Before, each executor call waited a give-up time
 * of its own (45.5 s at the default 30 s).
 */
@DatabaseTest
class TransferLessonGiveUpTest {

    private static final Duration GIVE_UP = Duration.ofSeconds(3);

    @Test
    void serverGoneSilentMidLessonEndsTheLessonWithinOneGiveUpTime(Database database) throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (SilentProxy proxy = SilentProxy.start(database.settings())) {
            // The server goes silent as the lesson starts its first transfer, in the hand-written loop.
            PrintStream out = proxy.silentOncePrinted("Transferring $", printed);
            Throwable failure;
            try (Database proxied = Database.open(proxy.route(database.settings()), GIVE_UP, progress::add)) {
                failure = catchThrowable(() -> TransferLesson.run(proxied, out));
            }
            Duration afterSilence = Duration.ofNanos(System.nanoTime() - proxy.silentSince());

            assertThat(proxy.silentSince()).as("the lesson reached its first transfer").isNotZero();
            assertThat(failure).isInstanceOf(RetriesExhaustedException.class);
            assertThat(afterSilence).isLessThan(GIVE_UP.plusSeconds(5));
            assertThat(progress).isNotEmpty().allMatch(line -> line.startsWith("Waiting for the database: no answer"));
        }
    }
}
