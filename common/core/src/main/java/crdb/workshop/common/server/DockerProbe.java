package crdb.workshop.common.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/** Answers "is there a Docker engine to run CockroachDB in?" without a long wait when there is none. */
@FunctionalInterface
public interface DockerProbe {

    boolean dockerAnswers();

    /**
     * Asks Testcontainers, but only when something suggests an engine could be there: asking
     * Testcontainers on a machine without Docker costs seconds of retries and a page of logs.
     */
    static DockerProbe testcontainers() {
        return () -> looksLikeDocker(System.getenv()) && DockerClientFactory.instance().isDockerAvailable();
    }

    private static boolean looksLikeDocker(Map<String, String> env) {
        if (env.containsKey("DOCKER_HOST") || env.containsKey("TESTCONTAINERS_HOST_OVERRIDE")) {
            return true;
        }
        Path home = Path.of(System.getProperty("user.home"));
        return Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(home.resolve(".docker/run/docker.sock"))
                || Files.exists(home.resolve(".testcontainers.properties"))
                || System.getProperty("os.name", "").startsWith("Windows");
    }
}
