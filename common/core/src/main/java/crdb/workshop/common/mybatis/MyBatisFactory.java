package crdb.workshop.common.mybatis;

import crdb.workshop.common.echo.EchoingDataSource;
import crdb.workshop.common.retry.GiveUpConfiguration;
import crdb.workshop.common.retry.GiveUpTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.ibatis.logging.LogFactory;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * Builds the one SqlSessionFactory a process needs, over a pooled DataSource.
 *
 * <p>Mappers are registered by package, as MyBatis's {@code <mappers><package name="..."/>} does:
 * each module names its own mapper packages, one a line, in
 * {@value #MAPPER_PACKAGES} (core names {@code crdb.workshop.common.mapper}; a lesson names its
 * {@code mapper} package; a test module may name its test mappers in src/test/resources). Only
 * the modules on the classpath count, so a lesson gets its own mappers and core's, and no other
 * lesson's. Each interface's XML (if any) sits at the same path under src/main/resources.
 */
public final class MyBatisFactory {

    /** The classpath resource in which a module names its mapper packages. */
    public static final String MAPPER_PACKAGES = "META-INF/workshop/mapper-packages.txt";

    static {
        // Before any mapper is parsed: statement logs are created then, and echo hooks into them.
        LogFactory.useCustomLogging(SqlEcho.class);
    }

    private MyBatisFactory() {
    }

    public static SqlSessionFactory build(DataSource dataSource) throws SQLException {
        return build(dataSource, null);
    }

    /**
     * As {@link #build(DataSource)}; every RetryExecutor built on the factory shares {@code giveUpTime},
     * the run's one give-up time (null for none).
     */
    public static SqlSessionFactory build(DataSource dataSource, GiveUpTime giveUpTime) throws SQLException {
        VendorDatabaseIdProvider server = new VendorDatabaseIdProvider();
        String databaseId = server.getDatabaseId(dataSource);
        // MyBatis, and the RetryExecutor through it, take connections from here: --echo-sql can
        // then show each transaction's BEGIN, COMMIT and ROLLBACK around the statements.
        DataSource watched = EchoingDataSource.wrap(dataSource, server.defaultIsolation());
        Environment environment = new Environment("workshop", new JdbcTransactionFactory(), watched);
        Configuration configuration = giveUpTime == null ? new Configuration(environment)
                : new GiveUpConfiguration(environment, giveUpTime);
        configuration.setDatabaseId(databaseId);
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.getTypeHandlerRegistry().register(UUID.class, UuidTypeHandler.class);
        for (String mapperPackage : mapperPackages()) {
            configuration.addMappers(mapperPackage); // its interfaces, and their XML beside them
        }
        return new SqlSessionFactoryBuilder().build(configuration);
    }

    /** The packages every {@value #MAPPER_PACKAGES} on the classpath names, in classpath order. */
    static Set<String> mapperPackages() {
        Set<String> packages = new LinkedHashSet<>();
        try {
            Enumeration<URL> lists = MyBatisFactory.class.getClassLoader().getResources(MAPPER_PACKAGES);
            while (lists.hasMoreElements()) {
                try (InputStream in = lists.nextElement().openStream()) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .map(line -> line.replaceFirst("#.*", "").strip())
                            .filter(line -> !line.isEmpty())
                            .forEach(packages::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packages;
    }
}
