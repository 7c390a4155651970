package crdb.workshop.common.mybatis;

import crdb.workshop.common.echo.EchoingDataSource;
import crdb.workshop.common.retry.GiveUpConfiguration;
import crdb.workshop.common.retry.GiveUpTime;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.ibatis.io.ResolverUtil;
import org.apache.ibatis.logging.LogFactory;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * Builds the one SqlSessionFactory a process needs, over a pooled DataSource.
 *
 * <p>Mappers are found by convention, as in MyBatis's own samples: every interface in a package
 * named {@code mapper} under {@code crdb.workshop}, with its XML (if any) at the same path under
 * src/main/resources.
 */
public final class MyBatisFactory {

    /** Where mapper interfaces live: {@code crdb.workshop.<anything>.mapper}. */
    private static final String ROOT_PACKAGE = "crdb.workshop";

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
        for (Class<?> mapper : mapperInterfaces()) {
            configuration.addMapper(mapper);
        }
        return new SqlSessionFactoryBuilder().build(configuration);
    }

    private static Set<Class<?>> mapperInterfaces() {
        ResolverUtil<Object> resolver = new ResolverUtil<>();
        resolver.find(type -> type.isInterface() && type.getPackageName().endsWith(".mapper"),
                ROOT_PACKAGE.replace('.', '/'));
        return resolver.getClasses();
    }
}
