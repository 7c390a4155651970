package crdb.workshop.common.server;

import crdb.workshop.common.settings.ServerKind;
import crdb.workshop.common.url.ConnectionSettings;
import crdb.workshop.common.url.PasswordFile;
import java.util.Properties;
import org.testcontainers.cockroachdb.CockroachContainer;
import org.testcontainers.utility.DockerImageName;

/** A single-node CockroachDB in a container, started through Testcontainers. */
final class CockroachContainerServer implements DatabaseServer {

    private final CockroachContainer container;
    private final String reason;

    private CockroachContainerServer(CockroachContainer container, String reason) {
        this.container = container;
        this.reason = reason;
    }

    static CockroachContainerServer start(String image, String reason) {
        // An insecure node takes no password, so pgjdbc reads the password file on every connection, unbounded.
        PasswordFile.check();
        CockroachContainer container = new CockroachContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("cockroachdb/cockroach"));
        container.start();
        return new CockroachContainerServer(container, reason);
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
