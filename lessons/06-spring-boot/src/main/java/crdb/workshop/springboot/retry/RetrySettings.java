package crdb.workshop.springboot.retry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard to retry, from application.yml ({@code bank.retry.*}): at most {@code maxRetries}
 * retries after the first attempt; before retry n, a wait of {@code delay * multiplier^(n-1)},
 * spread at random by up to the same again ({@code jitter} scales with it), never more than
 * {@code maxDelay}.
 */
@ConfigurationProperties("bank.retry")
public record RetrySettings(long maxRetries, Duration delay, Duration jitter, double multiplier, Duration maxDelay) {
}
