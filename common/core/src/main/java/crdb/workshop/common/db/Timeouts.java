package crdb.workshop.common.db;

import java.time.Duration;
import java.util.Properties;

/**
 * Every wait on the way to and from the server, derived from one give-up time (30 s unless
 * WORKSHOP_GIVE_UP_SECONDS says otherwise), so a lesson stops soon after the server goes away or
 * stops answering, instead of waiting on library defaults (pgjdbc waits forever for an answer;
 * HikariCP 30 s per connection, which a retry loop multiplies).
 *
 * <ul>
 *   <li>connectTimeout: a TCP connect, per host; a third of the time, at most 10 s, so that a
 *       multi-host URL can try the next host.
 *   <li>loginTimeout: connect, TLS and login together: the whole time.
 *   <li>socketTimeout: a server that stopped answering a statement: the whole time.
 *   <li>the pool's wait for a connection: a third, so the RetryExecutor (whose deadline is the
 *       whole time) can try about three times before it gives up.
 * </ul>
 * A timeout the URL sets itself wins.
 */
record Timeouts(Duration giveUp) {

    Properties applyTo(Properties driverProperties) {
        Properties props = new Properties();
        props.putAll(driverProperties);
        long seconds = Math.max(1, giveUp.toSeconds());
        props.putIfAbsent("connectTimeout", Long.toString(Math.max(1, Math.min(10, seconds / 3))));
        props.putIfAbsent("loginTimeout", Long.toString(seconds));
        props.putIfAbsent("socketTimeout", Long.toString(seconds));
        return props;
    }

    /** How long a caller waits for a pooled connection (HikariCP's minimum is 250 ms). */
    Duration poolWait() {
        return max(giveUp.dividedBy(3), Duration.ofMillis(250));
    }

    /** How long HikariCP waits for a connection check; it must be shorter than {@link #poolWait}. */
    Duration validation() {
        Duration fiveSeconds = Duration.ofSeconds(5);
        return max(poolWait().compareTo(fiveSeconds) < 0 ? poolWait() : fiveSeconds, Duration.ofMillis(250));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
