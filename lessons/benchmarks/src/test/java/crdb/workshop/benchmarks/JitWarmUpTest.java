package crdb.workshop.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.benchmarks.inserts.InsertSettings;
import crdb.workshop.benchmarks.service.ServiceLoadSettings;
import crdb.workshop.benchmarks.transfers.TransferSettings;
import crdb.workshop.common.WorkshopException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The warm-up: its minimum, its limit, and the line that says whether the compiler was done. */
class JitWarmUpTest {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    @AfterEach
    void clearProperty() {
        System.clearProperty("bench.warmUpSeconds");
    }

    @Test
    void aLimitOfZeroRunsTheMinimumRoundsAndNoMore() throws Exception {
        System.setProperty("bench.warmUpSeconds", "0");
        AtomicInteger rounds = new AtomicInteger();

        JitWarmUp.run(round -> rounds.incrementAndGet(), 3, JitWarmUp.limit(Duration.ofMinutes(5)), out);

        assertThat(rounds).hasValue(3);
        assertThat(printed()).startsWith("Warmed up: 3 rounds in ");
    }

    @Test
    void roundsThatCompileNothingEndTheWarmUpLongBeforeItsLimit() throws Exception {
        AtomicInteger rounds = new AtomicInteger();

        JitWarmUp.run(round -> rounds.incrementAndGet(), 1, Duration.ofMinutes(5), out);

        assertThat(rounds.get()).isGreaterThanOrEqualTo(2); // two quiet rounds in a row
        assertThat(printed()).contains("(done: under 3% twice in a row)");
    }

    @Test
    void aWarmUpStoppedByItsLimitSaysSo() throws Exception {
        System.setProperty("bench.warmUpSeconds", "0");
        AtomicInteger rounds = new AtomicInteger();

        // One round cannot show two quiet rounds in a row.
        JitWarmUp.run(round -> rounds.incrementAndGet(), 1, JitWarmUp.limit(Duration.ofMinutes(5)), out);

        assertThat(rounds).hasValue(1);
        assertThat(printed()).startsWith("Warmed up: 1 round in ")
                .contains("NOT DONE: stopped at the warm-up limit, -Dbench.warmUpSeconds=0");
    }

    @Test
    void aLimitThatIsNotWholeSecondsIsRefusedWithOneLineWithTheBenchmarksOtherSettings() {
        System.setProperty("bench.warmUpSeconds", "1.5");
        String refusal = "-Dbench.warmUpSeconds=1.5 is not a whole number of seconds. Example:"
                + " -Dbench.warmUpSeconds=90 (0 runs only the minimum warm-up rounds).";

        assertThatThrownBy(() -> JitWarmUp.limit(Duration.ofSeconds(1)))
                .isInstanceOf(WorkshopException.class).hasMessage(refusal);
        // Read with the other settings, before a benchmark makes its schema or prints a line.
        for (ThrowingCallable settings : List.<ThrowingCallable>of(TransferSettings::fromSystemProperties,
                InsertSettings::fromSystemProperties, ServiceLoadSettings::fromSystemProperties)) {
            assertThatThrownBy(settings).isInstanceOf(WorkshopException.class).hasMessage(refusal);
        }
        assertThat(buffer.size()).isZero();
    }

    private String printed() {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
