package crdb.workshop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The wait between attempts: exponential, capped, and spread at random below its ceiling. */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(300), 2.0);

    @Test
    void theCeilingDoublesUntilTheCap() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(10));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(20));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofMillis(160));
        assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofMillis(300));
        assertThat(backoff.ceiling(10_000)).isEqualTo(Duration.ofMillis(300)); // no overflow
    }

    @Test
    void delaysStayWithinTheCeilingAndSpreadAcrossIt() {
        SplittableRandom random = new SplittableRandom(42);
        Duration ceiling = backoff.ceiling(4);
        Set<Duration> seen = new HashSet<>();
        long belowHalf = 0;
        int samples = 10_000;
        for (int i = 0; i < samples; i++) {
            Duration delay = backoff.delay(4, random);
            assertThat(delay).isBetween(Duration.ZERO, ceiling);
            seen.add(delay);
            if (delay.compareTo(ceiling.dividedBy(2)) < 0) {
                belowHalf++;
            }
        }
        // Jitter: two transactions that collided do not wait the same time and collide again.
        assertThat(seen).hasSizeGreaterThan(samples * 9 / 10);
        assertThat(belowHalf).isBetween(samples * 4L / 10, samples * 6L / 10);
    }
}
