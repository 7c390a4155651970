package crdb.workshop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run's give-up time counts only silence, across calls, and says so while it waits. */
class GiveUpTimeTest {

    private long now;
    private final List<String> lines = new ArrayList<>();
    private final GiveUpTime giveUp = new GiveUpTime(Duration.ofSeconds(4), Duration.ofSeconds(1),
            Duration.ofSeconds(1), lines::add, () -> now);

    @Test
    void whileTheDatabaseAnswersEveryAttemptMayStart() {
        now = seconds(100);

        assertThat(giveUp.allowsAttemptAfter(Duration.ofSeconds(2))).isTrue();
        assertThat(giveUp.isUsedUp()).isFalse();
        assertThat(lines).isEmpty();
    }

    @Test
    void aWaitBegunInOneCallLimitsTheNextCall() {
        giveUp.noAnswer(seconds(0), "08006"); // the first call's attempt got no answer
        now = seconds(2);

        // The second call: 1 s left to start (G 4 s less the last attempt's own 1 s wait).
        assertThat(giveUp.allowsAttemptAfter(Duration.ofMillis(900))).isTrue();
        assertThat(giveUp.allowsAttemptAfter(Duration.ofMillis(1100))).isFalse();
        now = seconds(3);
        assertThat(giveUp.isUsedUp()).isTrue();
    }

    @Test
    void anAnswerEndsTheWait() {
        giveUp.noAnswer(seconds(0), "57P01");
        now = seconds(3);
        giveUp.answered();

        assertThat(giveUp.isUsedUp()).isFalse();
        assertThat(giveUp.allowsAttemptAfter(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void aStatementOutsideTheExecutorThatGotNoAnswerCountsUpToOneReadTimeout() {
        // A hand-written loop waited its read timeout (10 s) from 0 s; the executor's attempt began at 10 s.
        GiveUpTime run = new GiveUpTime(Duration.ofSeconds(30), Duration.ofSeconds(7), Duration.ofSeconds(10),
                lines::add, () -> now);
        now = seconds(12);
        run.noAnswer(seconds(10), "08006");
        now = seconds(24);

        assertThat(run.isUsedUp()).as("23 s of waiting: 24 s since the last answer").isTrue();
    }

    @Test
    void aLongQuietSpellBeforeTheFailureDoesNotCountAsWaiting() {
        GiveUpTime run = new GiveUpTime(Duration.ofSeconds(30), Duration.ofSeconds(7), Duration.ofSeconds(10),
                lines::add, () -> now);
        now = seconds(100); // answered at 0 s, then nothing was sent for 100 s
        run.noAnswer(seconds(100), "57P01");

        assertThat(run.isUsedUp()).isFalse();
        assertThat(run.allowsAttemptAfter(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void saysItWaitsAtOnceThenAtMostEveryTenSeconds() {
        GiveUpTime longer = new GiveUpTime(Duration.ofSeconds(30), Duration.ofSeconds(7), Duration.ofSeconds(10),
                lines::add, () -> now);
        now = seconds(5);
        longer.noAnswer(seconds(0), "08006");
        now = seconds(9);
        longer.noAnswer(seconds(5), "08006");
        now = seconds(15);
        longer.noAnswer(seconds(10), "08001");

        assertThat(lines).containsExactly(
                "Waiting for the database: no answer for 5 s of 30 s (SQLSTATE 08006); giving up at 30 s"
                        + " (WORKSHOP_GIVE_UP_SECONDS)",
                "Waiting for the database: no answer for 15 s of 30 s (SQLSTATE 08001); giving up at 30 s"
                        + " (WORKSHOP_GIVE_UP_SECONDS)");
    }

    private static long seconds(long s) {
        return Duration.ofSeconds(s).toNanos();
    }
}
