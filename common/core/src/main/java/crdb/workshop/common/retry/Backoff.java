package crdb.workshop.common.retry;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with full jitter: before retry {@code n} the executor waits a random
 * time between zero and {@code min(max, initial * multiplier^(n-1))}.
 *
 * <p>The exponent backs off harder the longer a conflict lasts; the cap keeps one unlucky
 * transaction from sleeping for minutes; the randomness keeps two transactions that collided from
 * retrying in lockstep and colliding again.
 */
record Backoff(Duration initial, Duration max, double multiplier) {

    /** The longest wait before retry {@code retry} (1 for the first retry). */
    Duration ceiling(int retry) {
        double nanos = initial.toNanos() * Math.pow(multiplier, retry - 1);
        return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
    }

    /** A wait drawn uniformly from zero to {@link #ceiling(int)}. */
    Duration delay(int retry, RandomGenerator random) {
        return Duration.ofNanos(random.nextLong(ceiling(retry).toNanos() + 1));
    }
}
