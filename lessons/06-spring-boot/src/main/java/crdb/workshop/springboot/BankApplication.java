package crdb.workshop.springboot;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.springboot.mapper.LedgerMapper;
import crdb.workshop.springboot.retry.RetrySettings;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The bank as a Spring Boot service. It runs on the database the workspace gives it (a
 * {@link Database} bean: DATABASE_URL, a CockroachDB container or the embedded PostgreSQL, chosen
 * as in every lesson), not on one that Spring Boot would build from its own properties, so the
 * selection order, the URL handling and the password masking are the workspace's.
 *
 * <p>mybatis-spring-boot-starter builds the SqlSessionFactory on that DataSource; the mappers of
 * {@code common} and of this lesson become beans through {@code @MapperScan}.
 */
// tag::application[]
@SpringBootApplication
@MapperScan(basePackageClasses = {AccountMapper.class, LedgerMapper.class})
@EnableConfigurationProperties(RetrySettings.class)
public class BankApplication {

    /** The workspace's pool. Not Spring's to close: whoever opened the Database closes it. */
    @Bean(destroyMethod = "")
    DataSource dataSource(Database database) {
        return database.dataSource();
    }

    /** MyBatis's databaseId: the server the runner found, not asked again (one gone now would end start-up). */
    @Bean
    DatabaseIdProvider databaseIdProvider(Database database) {
        return dataSource -> database.vendor().databaseId();
    }
    // end::application[]

    static {
        // When a connection dies, Spring's rollback fails too, and Spring logs that at ERROR with the SQL
        // and two stack traces per request. TransactionRetry judges the failure that caused it, and the
        // service logs one line per failure. Setting either property below yourself (-D...=error) brings them back.
        for (String logger : new String[] {"org.springframework.transaction.support.TransactionTemplate",
                "org.springframework.jdbc.support.JdbcTransactionManager",
                // A failed start-up (the server gone, say) comes back to the lesson, which says it in
                // one line (--verbose: with the stack trace); Spring would log it again at ERROR.
                "org.springframework.boot.SpringApplication"}) {
            System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log." + logger, "off");
        }
    }

    /**
     * Starts the service on {@code database}, on a free port unless {@code -Dserver.port=...} names
     * one, with {@code properties} ("name=value") on top of application.yml.
     */
    public static ConfigurableApplicationContext start(Database database, String... properties) {
        return new SpringApplicationBuilder(BankApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("database", database))
                .properties("server.port=0")
                .properties(properties)
                .run();
    }
}
