package crdb.workshop.springboot.retry;

import crdb.workshop.common.db.Database;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard to retry, from application.yml ({@code bank.retry.*}): at most {@code maxRetries}
 * retries after the first attempt; before retry n, a wait of {@code delay * multiplier^(n-1)},
 * spread at random by up to the same again ({@code jitter} scales with it), never more than
 * {@code maxDelay}; and no retry that would begin after {@code giveUp} (null: no such bound).
 */
@ConfigurationProperties("bank.retry")
public record RetrySettings(long maxRetries, Duration delay, Duration jitter, double multiplier, Duration maxDelay,
        Duration giveUp) {

    /**
     * These settings, giving up when the workspace's retries give up (no attempt starts later than the
     * give-up time less the last attempt's wait for a connection), so that a request ends within one give-up time.
     */
    public RetrySettings within(Database database) {
        return new RetrySettings(maxRetries, delay, jitter, multiplier, maxDelay, database.giveUpTime().latestStart());
    }
}
