package crdb.workshop.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.settings.Settings;
import crdb.workshop.common.url.InputText;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One run of {@link LessonRunner} and everything it printed: on the lesson's stdout and stderr,
 * and on the process's own System.out and System.err (where libraries log), so a test can check
 * all of it.
 *
 * @param status    the exit status the lesson's main would exit with
 * @param out       what the runner and the lesson printed on stdout
 * @param err       what the runner printed on stderr
 * @param console   whatever else reached System.out or System.err during the run
 * @param lessonRan whether the lesson's body was called at all
 */
record CapturedRun(int status, String out, String err, String console, boolean lessonRan) {

    static CapturedRun of(Supplier<Settings> settings, LessonRunner.Lesson lesson, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        AtomicBoolean ran = new AtomicBoolean();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        PrintStream consoleStream = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(consoleStream);
        System.setErr(consoleStream);
        int status;
        try {
            status = LessonRunner.run(args, settings,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    (database, lessonOut) -> {
                        ran.set(true);
                        lesson.run(database, lessonOut);
                    });
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        return new CapturedRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                console.toString(StandardCharsets.UTF_8), ran.get());
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    /**
     * The run stopped before the lesson with exit status 1 and a first error line containing
     * {@code says} (the only line unless --verbose), and nothing it printed carries the telltale or an
     * invisible character. Returns that first line for checks of its own.
     */
    String refusedInOneLine(String says, String mode) {
        assertThat(status).isEqualTo(1);
        assertThat(lessonRan).isFalse();
        assertThat(errLines()).isNotEmpty();
        assertThat(errLines().get(0)).contains(says);
        if (mode.equals("plain")) {
            assertThat(errLines()).hasSize(1);
        }
        assertThat(everything()).doesNotContainIgnoringCase(HostileUrlCorpus.TELLTALE);
        assertThat(everything().replace("\t", "").replace("\n", "")).matches(text -> !InputText.hasInvisible(text));
        return errLines().get(0);
    }

    /** Every character the run put anywhere. */
    String everything() {
        return out + err + console;
    }
}
