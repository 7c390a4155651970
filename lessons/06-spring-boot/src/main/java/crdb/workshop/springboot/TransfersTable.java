package crdb.workshop.springboot;

import crdb.workshop.springboot.retry.TransactionRetry;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates lesson 03's transfers table if it is missing (schema.sql), when the service starts. In a
 * retried transaction, like any other: a connection that the server ends during start-up costs a
 * retry, not the service (Spring Boot's own spring.sql.init would run it once and give up).
 */
@Component
class TransfersTable implements InitializingBean {

    private final TransactionRetry retry;
    private final DataSource dataSource;

    TransfersTable(TransactionRetry retry, DataSource dataSource) {
        this.retry = retry;
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        retry.inIdempotentTransaction(() -> { // CREATE TABLE IF NOT EXISTS: running it twice does no harm
            ScriptUtils.executeSqlScript(DataSourceUtils.getConnection(dataSource),
                    new ClassPathResource("crdb/workshop/springboot/schema.sql"));
            return null;
        });
    }
}
