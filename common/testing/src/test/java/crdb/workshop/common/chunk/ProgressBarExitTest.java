package crdb.workshop.common.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C in the middle of a write: the JVM runs its shutdown hooks, and the bar's hook ends the
 * line, so the shell prompt does not land on the bar. A child JVM stands in for the lesson.
 */
class ProgressBarExitTest {

    /** The child: draws a bar, commits a chunk, and exits mid-write as Ctrl-C would (status 130). */
    public static void main(String[] args) {
        ProgressBar bar = new ProgressBar(System.out);
        bar.started(OptionalLong.of(10), 1);
        bar.chunkCommitted(new ChunkedWriteReport(1, 1, 0, Duration.ofMillis(1)));
        System.exit(130);
    }

    @Test
    void exitingMidWriteEndsTheBarsLine() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ProgressBarExitTest.class.getName()).redirectErrorStream(true).start();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(child.exitValue()).isEqualTo(130);
        assertThat(printed).contains("rows").endsWith("\n");
    }
}
