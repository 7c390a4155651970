package crdb.workshop.benchmarks.transfers.load;

import crdb.workshop.benchmarks.transfers.baseline.JdbcRetryLoop;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.retry.RetryListener;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;

/** One retry policy, for the RetryExecutor and for the JDBC baseline's loop alike. */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** The RetryExecutor's defaults: 10 attempts, waits from 10 ms doubling up to 2 s. */
    public static final RetrySettings DEFAULTS = new RetrySettings(10, Duration.ofMillis(10), Duration.ofSeconds(2));

    public RetryExecutor executor(SqlSessionFactory sessions, RetryListener listener) {
        return RetryExecutor.builder(sessions).maxAttempts(maxAttempts).initialBackoff(initialBackoff)
                .maxBackoff(maxBackoff).listener(listener).build();
    }

    public JdbcRetryLoop jdbcLoop(DataSource dataSource, RetryListener listener) {
        return new JdbcRetryLoop(dataSource, maxAttempts, initialBackoff, maxBackoff, listener);
    }

    @Override
    public String toString() {
        return maxAttempts + " attempts, waits from " + initialBackoff.toMillis() + " ms doubling up to "
                + maxBackoff.toMillis() + " ms";
    }
}
