package crdb.workshop.common.server;

import crdb.workshop.common.settings.ServerKind;
import crdb.workshop.common.url.ConnectionSettings;
import java.util.Properties;

/** The server named by DATABASE_URL. The workspace neither starts nor stops it. */
public final class UrlServer implements DatabaseServer {

    private final ConnectionSettings settings;
    private final String reason;

    public UrlServer(ConnectionSettings settings, String reason) {
        this.settings = settings;
        this.reason = reason;
    }

    @Override
    public ServerKind kind() {
        return ServerKind.URL;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public String defaultDatabase() {
        String url = settings.jdbcUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Override
    public ConnectionSettings connectionTo(String database) {
        if (database.equals(defaultDatabase())) {
            return settings;
        }
        String base = settings.jdbcUrl().substring(0, settings.jdbcUrl().lastIndexOf('/') + 1);
        String display = settings.display().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        Properties props = settings.properties();
        return new ConnectionSettings(base + database, props, display);
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
