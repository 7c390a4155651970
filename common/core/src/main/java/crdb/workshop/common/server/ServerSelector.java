package crdb.workshop.common.server;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.settings.ServerKind;
import crdb.workshop.common.settings.Settings;
import crdb.workshop.common.url.DatabaseUrl;

/**
 * Picks the database, in this order: DATABASE_URL, then a CockroachDB container when a Docker
 * engine answers, then an embedded PostgreSQL. WORKSHOP_DATABASE forces one of the three.
 */
public final class ServerSelector {

    private final Settings settings;
    private final DockerProbe docker;

    public ServerSelector(Settings settings, DockerProbe docker) {
        this.settings = settings;
        this.docker = docker;
    }

    /** Which kind of server, and why, without starting anything. */
    public Choice choose() {
        if (settings.forcedKind().isPresent()) {
            ServerKind kind = settings.forcedKind().get();
            String reason = "forced by WORKSHOP_DATABASE=" + kind.settingValue();
            if (kind == ServerKind.URL && settings.databaseUrl().isEmpty()) {
                throw new WorkshopException("WORKSHOP_DATABASE=url, but DATABASE_URL is not set."
                        + " Export DATABASE_URL with your cluster's connection string, or unset WORKSHOP_DATABASE.");
            }
            if (kind == ServerKind.COCKROACH_CONTAINER && !docker.dockerAnswers()) {
                throw new WorkshopException("WORKSHOP_DATABASE=cockroachdb, but no Docker engine answered."
                        + " Start Docker, or unset WORKSHOP_DATABASE to use the embedded database.");
            }
            return new Choice(kind, reason);
        }
        if (settings.databaseUrl().isPresent()) {
            return new Choice(ServerKind.URL, "from DATABASE_URL");
        }
        if (docker.dockerAnswers()) {
            return new Choice(ServerKind.COCKROACH_CONTAINER, "no DATABASE_URL; Docker answered");
        }
        return new Choice(ServerKind.EMBEDDED, "no DATABASE_URL and no Docker");
    }

    /** Chooses and starts (or, for DATABASE_URL, just describes) the server. */
    public DatabaseServer start() {
        Choice choice = choose();
        return switch (choice.kind()) {
            case URL -> new UrlServer(DatabaseUrl.parse(settings.databaseUrl().orElseThrow()), choice.reason());
            case COCKROACH_CONTAINER -> CockroachContainerServer.start(settings.cockroachImage(), choice.reason());
            case EMBEDDED -> EmbeddedServer.start(choice.reason());
        };
    }

    /** The selector as the environment configures it. */
    public static ServerSelector fromEnvironment(Settings settings) {
        return new ServerSelector(settings, DockerProbe.testcontainers());
    }

    public record Choice(ServerKind kind, String reason) {
    }
}
