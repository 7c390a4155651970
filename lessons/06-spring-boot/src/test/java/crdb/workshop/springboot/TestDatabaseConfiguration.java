package crdb.workshop.springboot;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.server.DatabaseServer;
import crdb.workshop.common.server.DockerProbe;
import crdb.workshop.common.server.ServerSelector;
import crdb.workshop.common.settings.Settings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.cockroachdb.CockroachContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The database of the tests' application context. With Docker (and no DATABASE_URL), a
 * CockroachDB container that Spring Boot starts and wires in through {@code @ServiceConnection};
 * otherwise the workspace's own choice: DATABASE_URL, or the embedded PostgreSQL.
 *
 * <p>Not annotated: {@link BankServiceTest} names it, and the service's component scan, which also
 * runs when a test starts the lesson itself, must not find it.
 */
class TestDatabaseConfiguration {

    // tag::service-connection[]
    @Bean
    @ServiceConnection
    @Conditional(DockerAndNoUrl.class)
    CockroachContainer cockroach() {
        return new CockroachContainer(DockerImageName.parse(Settings.fromEnvironment().cockroachImage())
                .asCompatibleSubstituteFor("cockroachdb/cockroach"));
    }

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(ObjectProvider<JdbcConnectionDetails> serviceConnection) {
        JdbcConnectionDetails container = serviceConnection.getIfAvailable();
        return container != null
                ? new ServiceConnectionServer(container)
                : ServerSelector.fromEnvironment(Settings.fromEnvironment()).start();
    }
    // end::service-connection[]

    @Bean(destroyMethod = "close")
    Database database(DatabaseServer server) {
        Database database = Database.open(server.connectionTo(server.defaultDatabase()));
        database.applySchema();
        return database;
    }

    /** Closes this context when the test run ends, so that no Tomcat thread outlives it. */
    @Bean
    static ServicesStoppedAtEnd servicesStoppedAtEnd() {
        return new ServicesStoppedAtEnd();
    }

    /** Docker answers and DATABASE_URL (which would win) is not set. */
    static final class DockerAndNoUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Settings settings = Settings.fromEnvironment();
            return settings.databaseUrl().isEmpty() && settings.forcedKind().isEmpty()
                    && DockerProbe.testcontainers().dockerAnswers();
        }
    }
}
