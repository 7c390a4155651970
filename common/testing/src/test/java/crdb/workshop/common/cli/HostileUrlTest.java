package crdb.workshop.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.cli.HostileUrlCorpus.Case;
import crdb.workshop.common.settings.Settings;
import crdb.workshop.common.url.InputText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every URL of {@link HostileUrlCorpus}, run through a lesson's entry point as DATABASE_URL, plain,
 * with --verbose and with --echo-sql: a non-zero exit, one line on stderr that says what is wrong,
 * a stack trace only with --verbose, and the password nowhere: not on stdout or stderr, not on the
 * console, not in a pgjdbc log record of any level.
 */
class HostileUrlTest {

    private final List<String> logged = new ArrayList<>();
    private final Logger pgjdbc = Logger.getLogger("org.postgresql");
    private Level pgjdbcLevel;
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void recordPgjdbcAtEveryLevel() {
        pgjdbcLevel = pgjdbc.getLevel();
        recorder.setLevel(Level.ALL);
        pgjdbc.addHandler(recorder);
    }

    @AfterEach
    void stopRecording() {
        pgjdbc.removeHandler(recorder);
        pgjdbc.setLevel(pgjdbcLevel);
    }

    static Stream<Arguments> runs() {
        return HostileUrlCorpus.cases().stream().flatMap(c -> Stream.of(
                Arguments.of(c, "plain"), Arguments.of(c, "--verbose"), Arguments.of(c, "--echo-sql")));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("runs")
    void hostileUrlIsRefusedInOneLineWithoutItsSecret(Case hostile, String mode) {
        // Logging at every level, DEBUG's equivalent (FINE and below) too; --verbose sets its own level.
        pgjdbc.setLevel(Level.ALL);
        String[] args = mode.equals("plain") ? new String[0] : new String[] {mode};

        CapturedRun run = CapturedRun.of(() -> Settings.from(Map.of("DATABASE_URL", hostile.url()), new Properties()),
                (database, out) -> { }, args);

        assertThat(run.status()).isNotZero();
        assertThat(run.lessonRan()).isFalse();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).isNotEmpty();
        assertThat(run.errLines().get(0)).contains(hostile.says());
        if (mode.equals("--verbose")) {
            assertThat(run.errLines().get(0)).doesNotStartWith("\tat ");
        } else {
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.everything()).doesNotContain("\tat ").doesNotContain("Exception:");
        }
        assertThat(run.console()).as("what libraries printed").doesNotContain("WARN").doesNotContain("SEVERE");
        assertThat(run.everything()).doesNotContainIgnoringCase(HostileUrlCorpus.TELLTALE);
        assertThat(run.everything().replace("\t", "").replace("\n", "")).as("raw control characters")
                .matches(text -> !InputText.hasInvisible(text));
        synchronized (logged) {
            assertThat(logged).noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT)
                    .contains(HostileUrlCorpus.TELLTALE.toLowerCase(java.util.Locale.ROOT)));
        }
    }

    @Test
    void corpusHoldsMoreThanFiftyUrlsAcrossTheCategories() {
        List<Case> cases = HostileUrlCorpus.cases();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
        assertThat(cases.stream().map(Case::category).distinct()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void urlGivenAsAnArgumentIsNotEchoed() {
        String url = "postgresql://maxroach:" + HostileUrlCorpus.SECRET + "@localhost:26257/defaultdb";

        CapturedRun run = CapturedRun.of(() -> Settings.from(Map.of(), new Properties()), (database, out) -> { }, url);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("Unknown option postgresql://**** (it looks like a connection string: set DATABASE_URL");
        assertThat(run.everything()).doesNotContainIgnoringCase(HostileUrlCorpus.TELLTALE);
    }

    @Test
    void schemelessCredentialsGivenAsAnArgumentAreNotEchoed() {
        CapturedRun run = CapturedRun.of(() -> Settings.from(Map.of(), new Properties()), (database, out) -> { },
                "--verbose", "maxroach:" + HostileUrlCorpus.SECRET + "@localhost");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("Unknown option **** (");
        assertThat(run.everything()).doesNotContainIgnoringCase(HostileUrlCorpus.TELLTALE);
    }

    @Test
    void verboseRunLeavesTheLibrariesQuietForTheNextRun() {
        String hikariLevel = "org.slf4j.simpleLogger.log.com.zaxxer.hikari";
        Assumptions.assumeTrue(System.getProperty(hikariLevel) == null, "HikariCP's level is set from outside");

        CapturedRun run = CapturedRun.of(() -> Settings.from(Map.of("DATABASE_URL", "mysql://x@y/z"), new Properties()),
                (database, out) -> { }, "--verbose");

        assertThat(run.status()).isEqualTo(1);
        assertThat(pgjdbc.getLevel()).isEqualTo(Level.OFF);
        assertThat(System.getProperty(hikariLevel)).isNull();
    }

    @Test
    void longArgumentIsCutInTheMessage() {
        CapturedRun run = CapturedRun.of(() -> Settings.from(Map.of(), new Properties()), (database, out) -> { },
                "-" + "x".repeat(100_000));

        assertThat(run.errLines()).singleElement().asString().hasSizeLessThan(300).contains("(100001 characters)");
    }
}
