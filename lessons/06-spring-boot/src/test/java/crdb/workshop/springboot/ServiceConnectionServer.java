package crdb.workshop.springboot;

import crdb.workshop.common.server.DatabaseServer;
import crdb.workshop.common.settings.ServerKind;
import crdb.workshop.common.url.ConnectionSettings;
import java.util.Properties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The CockroachDB container that Spring Boot started for a {@code @ServiceConnection} bean, seen
 * as a workspace DatabaseServer. Spring Boot owns the container, so closing this stops nothing.
 */
final class ServiceConnectionServer implements DatabaseServer {

    private final JdbcConnectionDetails container;

    ServiceConnectionServer(JdbcConnectionDetails container) {
        this.container = container;
    }

    @Override
    public ServerKind kind() {
        return ServerKind.COCKROACH_CONTAINER;
    }

    @Override
    public String reason() {
        return "a @ServiceConnection container; Docker answered";
    }

    @Override
    public String defaultDatabase() {
        String url = container.getJdbcUrl();
        String path = url.substring(url.lastIndexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    @Override
    public ConnectionSettings connectionTo(String database) {
        String url = container.getJdbcUrl();
        String base = url.substring(0, url.lastIndexOf('/') + 1);
        Properties props = new Properties();
        props.setProperty("user", container.getUsername());
        if (container.getPassword() != null && !container.getPassword().isEmpty()) {
            props.setProperty("password", container.getPassword());
        }
        return new ConnectionSettings(base + database, props, "CockroachDB container (@ServiceConnection)");
    }

    @Override
    public void close() {
        // Spring Boot stops the container with the application context.
    }
}
