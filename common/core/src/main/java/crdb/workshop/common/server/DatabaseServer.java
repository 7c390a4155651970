package crdb.workshop.common.server;

import crdb.workshop.common.settings.ServerKind;
import crdb.workshop.common.url.ConnectionSettings;

/**
 * A running server the workspace can open databases on: the one behind DATABASE_URL, a
 * CockroachDB container, or an embedded PostgreSQL.
 */
public interface DatabaseServer extends AutoCloseable {

    ServerKind kind();

    /** Why this server was chosen, for the banner: "from DATABASE_URL", "no Docker engine"... */
    String reason();

    /** The database a lesson uses when nobody names one. */
    String defaultDatabase();

    /** How to connect to {@code database} on this server. */
    ConnectionSettings connectionTo(String database);

    /** Stops the server if the workspace started it; leaves a user's server alone. */
    @Override
    void close();
}
