package crdb.workshop.common.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.settings.ServerKind;
import crdb.workshop.common.settings.Settings;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The order the workspace picks a database in. Whether a Docker engine answers is the machine's
 * business, not the database's, so a fake probe stands in for it; nothing here starts a server.
 */
class ServerSelectorTest {

    private static final String URL = "postgresql://root@localhost:26257/defaultdb?sslmode=disable";

    /** Answers as told and counts how often it was asked: asking a missing Docker costs seconds. */
    private static final class FakeDocker implements DockerProbe {
        private final boolean answers;
        private int asked;

        FakeDocker(boolean answers) {
            this.answers = answers;
        }

        @Override
        public boolean dockerAnswers() {
            asked++;
            return answers;
        }
    }

    @Test
    void databaseUrlWinsEvenWhenDockerAnswers() {
        FakeDocker docker = new FakeDocker(true);

        ServerSelector.Choice choice = new ServerSelector(settings(Map.of("DATABASE_URL", URL)), docker).choose();

        assertThat(choice).isEqualTo(new ServerSelector.Choice(ServerKind.URL, "from DATABASE_URL"));
        assertThat(docker.asked).isZero();
    }

    @Test
    void dockerComesNextWithoutDatabaseUrl() {
        ServerSelector.Choice choice = new ServerSelector(settings(Map.of()), new FakeDocker(true)).choose();

        assertThat(choice).isEqualTo(
                new ServerSelector.Choice(ServerKind.COCKROACH_CONTAINER, "no DATABASE_URL; Docker answered"));
    }

    @Test
    void embeddedIsTheLastResort() {
        ServerSelector.Choice choice = new ServerSelector(settings(Map.of()), new FakeDocker(false)).choose();

        assertThat(choice).isEqualTo(new ServerSelector.Choice(ServerKind.EMBEDDED, "no DATABASE_URL and no Docker"));
    }

    @Test
    void workshopDatabaseForcesEmbeddedOverUrlAndDocker() {
        FakeDocker docker = new FakeDocker(true);

        ServerSelector.Choice choice = new ServerSelector(
                settings(Map.of("DATABASE_URL", URL, "WORKSHOP_DATABASE", "embedded")), docker).choose();

        assertThat(choice).isEqualTo(
                new ServerSelector.Choice(ServerKind.EMBEDDED, "forced by WORKSHOP_DATABASE=embedded"));
        assertThat(docker.asked).isZero();
    }

    @Test
    void workshopDatabaseForcesTheContainerOverUrl() {
        ServerSelector.Choice choice = new ServerSelector(
                settings(Map.of("DATABASE_URL", URL, "WORKSHOP_DATABASE", "cockroachdb")), new FakeDocker(true))
                .choose();

        assertThat(choice).isEqualTo(
                new ServerSelector.Choice(ServerKind.COCKROACH_CONTAINER, "forced by WORKSHOP_DATABASE=cockroachdb"));
    }

    @Test
    void workshopDatabaseCanInsistOnTheUrl() {
        ServerSelector.Choice choice = new ServerSelector(
                settings(Map.of("DATABASE_URL", URL, "WORKSHOP_DATABASE", "url")), new FakeDocker(true)).choose();

        assertThat(choice).isEqualTo(new ServerSelector.Choice(ServerKind.URL, "forced by WORKSHOP_DATABASE=url"));
    }

    @Test
    void forcedUrlWithoutDatabaseUrlSaysWhatToSet() {
        WorkshopException e = catchThrowableOfType(WorkshopException.class, () -> new ServerSelector(
                settings(Map.of("WORKSHOP_DATABASE", "url")), new FakeDocker(true)).choose());

        assertThat(e.getMessage()).isEqualTo("WORKSHOP_DATABASE=url, but DATABASE_URL is not set."
                + " Export DATABASE_URL with your cluster's connection string, or unset WORKSHOP_DATABASE.");
    }

    @Test
    void forcedCockroachdbWithoutDockerSaysWhatToDo() {
        WorkshopException e = catchThrowableOfType(WorkshopException.class, () -> new ServerSelector(
                settings(Map.of("WORKSHOP_DATABASE", "cockroachdb")), new FakeDocker(false)).choose());

        assertThat(e.getMessage()).isEqualTo("WORKSHOP_DATABASE=cockroachdb, but no Docker engine answered."
                + " Start Docker, or unset WORKSHOP_DATABASE to use the embedded database.");
    }

    @Test
    void startingFromDatabaseUrlDescribesTheServerWithoutTouchingIt() {
        DatabaseServer server =
                new ServerSelector(settings(Map.of("DATABASE_URL", URL)), new FakeDocker(false)).start();

        assertThat(server.kind()).isEqualTo(ServerKind.URL);
        assertThat(server.reason()).isEqualTo("from DATABASE_URL");
        assertThat(server.defaultDatabase()).isEqualTo("defaultdb");
        assertThat(server.connectionTo("defaultdb").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:26257/defaultdb");
        server.close(); // not ours to stop: a no-op
    }

    @Test
    void badDatabaseUrlFailsBeforeAnythingStarts() {
        WorkshopException e = catchThrowableOfType(WorkshopException.class, () -> new ServerSelector(
                settings(Map.of("DATABASE_URL", "mysql://root@localhost/bank")), new FakeDocker(true)).start());

        assertThat(e.getMessage()).contains("unknown scheme 'mysql'");
    }

    private static Settings settings(Map<String, String> env) {
        return Settings.from(new HashMap<>(env), new Properties());
    }
}
