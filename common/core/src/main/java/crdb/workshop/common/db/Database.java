package crdb.workshop.common.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import crdb.workshop.common.mybatis.MyBatisFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.jdbc.RuntimeSqlException;
import org.apache.ibatis.jdbc.ScriptRunner;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * One database, connected: a connection pool, the MyBatis SqlSessionFactory over it, and what the
 * server said about itself. Open one per process (the test support opens one per test class).
 */
public final class Database implements AutoCloseable {

    private final ConnectionSettings settings;
    private final HikariDataSource dataSource;
    private final SqlSessionFactory sessionFactory;
    private final Vendor vendor;
    private final String serverVersion;

    private Database(ConnectionSettings settings, HikariDataSource dataSource, SqlSessionFactory sessionFactory,
            Vendor vendor, String serverVersion) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.vendor = vendor;
        this.serverVersion = serverVersion;
    }

    /**
     * Connects once without a pool, so a bad URL or password fails with one clear line instead of
     * a pool's retry loop, then builds the pool and the SqlSessionFactory.
     */
    public static Database open(ConnectionSettings settings) {
        String version;
        try (Connection probe = DriverManager.getConnection(settings.jdbcUrl(), withTimeouts(settings))) {
            version = Vendor.version(probe);
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, settings);
        }
        HikariDataSource pool = new HikariDataSource(poolConfig(settings));
        try {
            return new Database(settings, pool, MyBatisFactory.build(pool), Vendor.fromVersion(version), version);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e instanceof SQLException sql ? ConnectionErrors.explain(sql, settings) : (RuntimeException) e;
        }
    }

    /** Runs a SQL script from the classpath, statement by statement, auto-committing each. */
    public void runScript(String resource) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, settings);
        } catch (RuntimeSqlException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw ConnectionErrors.scriptFailed(resource, sql, settings);
            }
            throw e;
        }
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

    private static Properties withTimeouts(ConnectionSettings settings) {
        Properties props = settings.properties();
        // A firewalled host should fail in seconds, not hang the lesson.
        props.putIfAbsent("connectTimeout", "10");
        props.putIfAbsent("loginTimeout", "15");
        return props;
    }

    private static HikariConfig poolConfig(ConnectionSettings settings) {
        // HikariCP checks a connection that sat idle for 500 ms before lending it: a round trip on
        // every attempt that follows a retry's backoff. The executor retries a dead connection
        // anyway, so check only connections idle for 30 s (a JVM-wide setting; HikariCP has no other).
        if (System.getProperty("com.zaxxer.hikari.aliveBypassWindowMs") == null) {
            System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "30000");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        Properties driver = withTimeouts(settings);
        // A JDBC batch of INSERTs goes as multi-row INSERTs: one round trip per batch, not per row.
        driver.putIfAbsent("reWriteBatchedInserts", "true");
        config.setDataSourceProperties(driver);
        // Fixed size, as HikariCP advises: no connections opened or closed under load. Ten: the
        // benchmarks' 8 threads, plus their own bookkeeping (CockroachDB's guidance is about 4
        // connections per vCPU for all clients together; this is one client).
        int poolSize = Integer.getInteger("workshop.poolSize", 10);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setPoolName("workshop");
        // MyBatis commits and rolls back itself; connections start in a transaction-less state.
        config.setAutoCommit(false);
        return config;
    }
}
