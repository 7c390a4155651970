package crdb.workshop.common.server;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.settings.ServerKind;
import crdb.workshop.common.url.ConnectionSettings;
import crdb.workshop.common.url.PasswordFile;
import java.time.Duration;
import java.util.Properties;
import org.testcontainers.cockroachdb.CockroachContainer;
import org.testcontainers.utility.DockerImageName;

/** A single-node CockroachDB in a container, started through Testcontainers. */
final class CockroachContainerServer implements DatabaseServer {

    /**
     * How long the container may take to answer after it is created. Set here because the module's
     * own minute never applies: its WaitAllStrategy's outer timeout (30 s) overrides it. A node
     * starting on a busy 2-core laptop during a parallel build can take well over 30 s.
     */
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private final CockroachContainer container;
    private final String reason;

    private CockroachContainerServer(CockroachContainer container, String reason) {
        this.container = container;
        this.reason = reason;
    }

    static CockroachContainerServer start(String image, String reason) {
        // An insecure node takes no password, so pgjdbc reads the password file on every connection, unbounded.
        PasswordFile.check();
        CockroachContainer container = configured(image);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            String cause = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new WorkshopException("The CockroachDB container (" + image + ") did not start within its start-up"
                    + " timeout of " + STARTUP_TIMEOUT.toSeconds() + " s (CockroachContainerServer.STARTUP_TIMEOUT),"
                    + " or failed before: " + cause + ". On a busy machine run again when it is quieter, or set"
                    + " DATABASE_URL to a running cluster.", e);
        }
        return new CockroachContainerServer(container, reason);
    }

    /** The container, not started, waiting up to STARTUP_TIMEOUT: the WaitAllStrategy's outer timeout and each inner one's. */
    static CockroachContainer configured(String image) {
        CockroachContainer container = new CockroachContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("cockroachdb/cockroach"));
        container.withStartupTimeout(STARTUP_TIMEOUT);
        return container;
    }

    @Override
    public ServerKind kind() {
        return ServerKind.COCKROACH_CONTAINER;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public String defaultDatabase() {
        return container.getDatabaseName();
    }

    @Override
    public ConnectionSettings connectionTo(String database) {
        String url = container.getJdbcUrl();
        String base = url.substring(0, url.indexOf('/', "jdbc:postgresql://".length()) + 1);
        Properties props = new Properties();
        props.setProperty("user", container.getUsername());
        if (!container.getPassword().isEmpty()) {
            props.setProperty("password", container.getPassword());
        }
        return new ConnectionSettings(base + database, props,
                "CockroachDB container " + container.getDockerImageName());
    }

    @Override
    public void close() {
        container.stop();
    }
}
