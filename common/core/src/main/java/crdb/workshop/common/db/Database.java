package crdb.workshop.common.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import crdb.workshop.common.LibraryLogging;
import crdb.workshop.common.mybatis.MyBatisFactory;
import crdb.workshop.common.pool.ConnectionErrors;
import crdb.workshop.common.pool.DriverDataSource;
import crdb.workshop.common.pool.Timeouts;
import crdb.workshop.common.retry.GiveUpTime;
import crdb.workshop.common.retry.SessionDefaults;
import crdb.workshop.common.retry.StartUpRetry;
import crdb.workshop.common.server.Vendor;
import crdb.workshop.common.settings.Settings;
import crdb.workshop.common.url.ConnectionSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.ibatis.jdbc.RuntimeSqlException;
import org.apache.ibatis.jdbc.ScriptRunner;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * One database, connected: a connection pool, the MyBatis SqlSessionFactory over it, and what the
 * server said about itself. Open one per process (the test support opens one per test class).
 */
public final class Database implements AutoCloseable {

    static {
        LibraryLogging.install();
    }

    private final ConnectionSettings settings;
    private final HikariDataSource dataSource;
    private final SqlSessionFactory sessionFactory;
    private final Vendor vendor;
    private final String serverVersion;
    private final GiveUpTime giveUpTime;

    private Database(ConnectionSettings settings, HikariDataSource dataSource, SqlSessionFactory sessionFactory,
            Vendor vendor, String serverVersion, GiveUpTime giveUpTime) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.vendor = vendor;
        this.serverVersion = serverVersion;
        this.giveUpTime = giveUpTime;
    }

    /** As {@link #open(ConnectionSettings, Duration)}, giving up after {@link Settings#DEFAULT_GIVE_UP}. */
    public static Database open(ConnectionSettings settings) {
        return open(settings, Settings.DEFAULT_GIVE_UP);
    }

    /**
     * Connects once without a pool, so a bad URL or password fails with one clear line instead of
     * a pool's retry loop, then builds the pool and the SqlSessionFactory. {@code giveUp} bounds
     * how long anything waits for a server that is gone or stopped answering (see {@link Timeouts}).
     */
    public static Database open(ConnectionSettings settings, Duration giveUp) {
        return open(settings, giveUp, line -> { });
    }

    /**
     * As {@link #open(ConnectionSettings, Duration)}, for a run: {@code giveUp} is the run's one
     * give-up time, shared by start-up, every RetryExecutor on {@link #sessionFactory()} and the
     * cleanup; while the run waits for a database that does not answer, {@code progress} gets a
     * line saying so. A connection lost during start-up is retried within it.
     */
    public static Database open(ConnectionSettings settings, Duration giveUp, Consumer<String> progress) {
        Timeouts timeouts = new Timeouts(giveUp);
        return open(settings, new GiveUpTime(giveUp, timeouts.poolWait(), timeouts.readTimeout(), progress));
    }

    /**
     * Another pool in the same run (other driver properties, say): it shares {@code giveUpTime},
     * {@code database.giveUpTime()} of the run's first Database, so the run still has one give-up time.
     */
    public static Database open(ConnectionSettings settings, GiveUpTime giveUpTime) {
        Duration giveUp = giveUpTime.limit();
        Timeouts timeouts = new Timeouts(giveUp);
        DriverDataSource first = new DriverDataSource(settings.jdbcUrl(),
                timeouts.forFirstConnection(settings.properties()), settings.display());
        String version;
        try {
            version = StartUpRetry.run(giveUpTime, () -> {
                try (Connection probe = first.getConnection()) {
                    return Vendor.version(probe);
                }
            });
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, settings, giveUp);
        }
        Properties poolProperties = timeouts.forPool(settings.properties());
        // A JDBC batch of INSERTs goes as multi-row INSERTs: one round trip per batch, not per row.
        poolProperties.putIfAbsent("reWriteBatchedInserts", "true");
        DriverDataSource driver = new DriverDataSource(settings.jdbcUrl(), poolProperties, settings.display());
        HikariConfig config = poolConfig(driver, timeouts, statementTimeout(settings, timeouts));
        try {
            return StartUpRetry.run(giveUpTime, () -> {
                HikariDataSource pool = new HikariDataSource(config);
                try {
                    SqlSessionFactory sessions = MyBatisFactory.build(pool, giveUpTime);
                    return new Database(settings, pool, sessions, Vendor.fromVersion(version), version, giveUpTime);
                } catch (SQLException | RuntimeException e) {
                    pool.close();
                    throw e;
                }
            });
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, settings, giveUp);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw ConnectionErrors.explain(sql, settings, giveUp); // HikariCP's pool initialization
            }
            throw e;
        }
    }

    /**
     * Runs a SQL script from the classpath, statement by statement, auto-committing each. A lost
     * connection runs the whole script again, on a fresh connection, within the give-up time: scripts
     * must be safe to run twice (CREATE ... IF NOT EXISTS).
     */
    public void runScript(String resource) {
        try {
            StartUpRetry.run(giveUpTime, () -> {
                runScriptOnce(resource);
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, settings);
        } catch (RuntimeSqlException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw ConnectionErrors.scriptFailed(resource, sql, settings);
            }
            throw e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // runScriptOnce throws nothing else
        }
    }

    private void runScriptOnce(String resource) throws IOException, SQLException {
        try (InputStream in = Database.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no script " + resource + " on the classpath");
            }
            try (Connection connection = dataSource.getConnection();
                 Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                ScriptRunner runner = new ScriptRunner(connection);
                runner.setAutoCommit(true);
                runner.setStopOnError(true);
                runner.setLogWriter(null);
                // A failure comes back as an exception and ends as one line; not also as a page on stderr.
                runner.setErrorLogWriter(null);
                runner.runScript(reader);
            }
        }
    }

    /** The run's one give-up time, which every RetryExecutor on {@link #sessionFactory()} shares. */
    public GiveUpTime giveUpTime() {
        return giveUpTime;
    }

    /** Applies the workspace schema, dbinit.sql (idempotent: safe on every start). */
    public void applySchema() {
        runScript("dbinit.sql");
    }

    public SqlSessionFactory sessionFactory() {
        return sessionFactory;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Vendor vendor() {
        return vendor;
    }

    public boolean isCockroachDb() {
        return vendor == Vendor.COCKROACHDB;
    }

    /** The full answer of {@code SELECT version()}. */
    public String serverVersion() {
        return serverVersion;
    }

    /** "PostgreSQL 17.6" or "CockroachDB CCL v25.2.0": the version without the build details. */
    public String shortVersion() {
        String[] words = serverVersion.split(" ");
        return vendor == Vendor.COCKROACHDB && words.length >= 3
                ? words[0] + " " + words[1] + " " + words[2]
                : words[0] + " " + (words.length > 1 ? words[1] : "");
    }

    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** The workspace's statement timeout, unless the URL's {@code options} set one (then that wins). */
    private static Duration statementTimeout(ConnectionSettings settings, Timeouts timeouts) {
        String options = settings.properties().getProperty("options", "");
        return options.contains("statement_timeout") ? null
                : SessionDefaults.statementTimeout(timeouts.statementTimeout());
    }

    private static HikariConfig poolConfig(DriverDataSource driver, Timeouts timeouts, Duration statementTimeout) {
        // HikariCP checks a connection that sat idle for 500 ms before lending it. That costs a round
        // trip after a retry's backoff, but without it a pool full of connections the server ended
        // (a restart, a terminated backend) hands them out one by one, and each costs an attempt.
        HikariConfig config = new HikariConfig();
        // A DataSource, not a URL and properties: HikariCP's DEBUG dump then shows no secret.
        config.setDataSource(driver);
        // At most ten: the benchmarks' 8 threads, plus their own bookkeeping (CockroachDB's guidance
        // is about 4 connections per vCPU for all clients together; this is one client). Not a fixed
        // size, as HikariCP advises for servers: a lesson mostly runs one thread, and every idle
        // connection is one more that a server restart leaves dead in the pool, each costing a
        // retry attempt when it is lent out before its idle check is due.
        config.setMaximumPoolSize(Integer.getInteger("workshop.poolSize", 10));
        config.setMinimumIdle(1);
        config.setPoolName("workshop");
        config.setConnectionTimeout(timeouts.poolWait().toMillis());
        config.setValidationTimeout(timeouts.validation().toMillis());
        // MyBatis commits and rolls back itself; connections start in a transaction-less state.
        config.setAutoCommit(false);
        // SERIALIZABLE and a statement timeout on every connection, whatever the server's defaults:
        // once per connection, so no transaction pays a round trip for it (see SessionDefaults).
        config.setTransactionIsolation("TRANSACTION_SERIALIZABLE"); // what the pool restores if code changes it
        config.setConnectionInitSql(SessionDefaults.connectionInitSql(statementTimeout));
        config.setIsolateInternalQueries(true); // commits the init SQL instead of leaving its transaction open
        return config;
    }
}
