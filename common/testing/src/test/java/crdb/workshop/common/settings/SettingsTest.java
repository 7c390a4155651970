package crdb.workshop.common.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import crdb.workshop.common.WorkshopException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the workspace reads from environment variables and system properties. */
class SettingsTest {

    @Test
    void nothingSetMeansLetTheWorkspaceChoose() {
        Settings settings = Settings.from(Map.of(), new Properties());

        assertThat(settings.databaseUrl()).isEmpty();
        assertThat(settings.forcedKind()).isEmpty();
        assertThat(settings.cockroachImage()).isEqualTo(Settings.DEFAULT_COCKROACH_IMAGE);
        assertThat(settings.echoSql()).isFalse();
        assertThat(settings.verbose()).isFalse();
    }

    @Test
    void environmentVariablesAreRead() {
        Settings settings = Settings.from(Map.of(
                "DATABASE_URL", "postgresql://root@localhost:26257/defaultdb",
                "WORKSHOP_DATABASE", "url",
                "WORKSHOP_COCKROACH_IMAGE", "cockroachdb/cockroach:v24.3.1",
                "WORKSHOP_ECHO_SQL", "1",
                "WORKSHOP_VERBOSE", "yes"), new Properties());

        assertThat(settings.databaseUrl()).contains("postgresql://root@localhost:26257/defaultdb");
        assertThat(settings.forcedKind()).contains(ServerKind.URL);
        assertThat(settings.cockroachImage()).isEqualTo("cockroachdb/cockroach:v24.3.1");
        assertThat(settings.echoSql()).isTrue();
        assertThat(settings.verbose()).isTrue();
    }

    @Test
    void systemPropertyWinsOverTheEnvironment() {
        Properties props = new Properties();
        props.setProperty("workshop.database", "embedded");
        props.setProperty("workshop.echoSql", "false");

        Settings settings = Settings.from(Map.of("WORKSHOP_DATABASE", "url", "WORKSHOP_ECHO_SQL", "true"), props);

        assertThat(settings.forcedKind()).contains(ServerKind.EMBEDDED);
        assertThat(settings.echoSql()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"url, URL", "cockroachdb, COCKROACH_CONTAINER", "embedded, EMBEDDED", "' Embedded ', EMBEDDED"})
    void workshopDatabaseForcesAKind(String value, ServerKind kind) {
        assertThat(Settings.from(Map.of("WORKSHOP_DATABASE", value), new Properties()).forcedKind()).contains(kind);
    }

    @Test
    void unknownWorkshopDatabaseValueSaysWhichValuesWork() {
        WorkshopException e = catchThrowableOfType(WorkshopException.class,
                () -> Settings.from(Map.of("WORKSHOP_DATABASE", "mysql"), new Properties()));

        assertThat(e.getMessage()).isEqualTo("WORKSHOP_DATABASE is 'mysql', which is not a database kind."
                + " Use one of: url, cockroachdb, embedded (or unset it to let the workspace choose).");
    }

    @Test
    void emptyWorkshopDatabaseIsUnset() {
        assertThat(Settings.from(Map.of("WORKSHOP_DATABASE", " "), new Properties()).forcedKind()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void emptyDatabaseUrlIsKeptSoItCanBeReported(String value) {
        // Unset means "choose for me"; set but empty is a mistake to report, not a reason to fall back.
        assertThat(Settings.from(Map.of("DATABASE_URL", value), new Properties()).databaseUrl())
                .isEqualTo(Optional.of(value));
    }

    @Test
    void flagsWithRunnerTwinsCanBeSwitchedOn() {
        Settings settings = Settings.from(Map.of(), new Properties()).withEchoSql(true).withVerbose(true);

        assertThat(settings.echoSql()).isTrue();
        assertThat(settings.verbose()).isTrue();
    }

    @Test
    void giveUpTimeIsThirtySecondsUnlessSet() {
        assertThat(Settings.from(Map.of(), new Properties()).giveUp()).hasSeconds(30);
        assertThat(Settings.from(Map.of("WORKSHOP_GIVE_UP_SECONDS", "90"), new Properties()).giveUp()).hasSeconds(90);
        Properties props = new Properties();
        props.setProperty("workshop.giveUpSeconds", "5");
        assertThat(Settings.from(Map.of("WORKSHOP_GIVE_UP_SECONDS", "90"), props).giveUp()).hasSeconds(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "3601", "1.5"})
    void giveUpTimeThatIsNotSecondsIsOneLine(String value) {
        WorkshopException e = catchThrowableOfType(WorkshopException.class,
                () -> Settings.from(Map.of("WORKSHOP_GIVE_UP_SECONDS", value), new Properties()));

        assertThat(e.getMessage()).startsWith("WORKSHOP_GIVE_UP_SECONDS is '" + value + "'").doesNotContain("\n");
    }
}
