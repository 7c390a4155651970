package crdb.workshop.common.pool;

import java.time.Duration;
import java.util.Properties;

/**
 * Every wait on the way to and from the server, derived from one give-up time G (30 s unless
 * WORKSHOP_GIVE_UP_SECONDS says otherwise), so a lesson stops within G after the server goes away
 * or stops answering, instead of waiting on library defaults (pgjdbc waits forever for an answer;
 * HikariCP 30 s per connection, which a retry loop multiplies).
 *
 * <ul>
 *   <li>the pool's wait for a connection: G/4. The run's GiveUpTime lets no attempt start later
 *       than 3G/4 into a wait for an answer, so the last wait for a connection ends by G.
 *   <li>socketTimeout, for a server that stopped answering a statement: G/3. Over TLS it is spent
 *       twice: pgjdbc then closes the socket, and Java's TLS waits as long again for the server's
 *       goodbye. A statement that runs longer than G/3 needs a larger WORKSHOP_GIVE_UP_SECONDS.
 *   <li>connectTimeout, a TCP connect per host: G/4, at most 10 s, so a multi-host URL can move on.
 *   <li>loginTimeout, connect, TLS and login together: G for the first connection, G/4 for the pool's.
 *   <li>statement_timeout, set on each pooled connection: G/4, below the socket timeout, so a
 *       statement stuck behind a lock ends with the server's SQLSTATE 57014 before the client
 *       gives up on the socket.
 * </ul>
 * A timeout the URL sets itself wins.
 */
public record Timeouts(Duration giveUp) {

    /** The driver properties for the first connection, which may take the whole give-up time. */
    public Properties forFirstConnection(Properties driverProperties) {
        return with(driverProperties, Math.max(1, giveUp.toSeconds()));
    }

    /**
     * The driver properties for the pool's connections. A login that outlasts the caller's wait for
     * it is no use, and HikariCP waits as long as the login timeout for one in progress when it closes.
     */
    public Properties forPool(Properties driverProperties) {
        return with(driverProperties, Math.max(1, poolWait().toSeconds()));
    }

    private Properties with(Properties driverProperties, long loginSeconds) {
        Properties props = new Properties();
        props.putAll(driverProperties);
        long seconds = Math.max(1, giveUp.toSeconds());
        props.putIfAbsent("connectTimeout", Long.toString(Math.max(1, Math.min(10, seconds / 4))));
        props.putIfAbsent("loginTimeout", Long.toString(loginSeconds));
        props.putIfAbsent("socketTimeout", Long.toString(readTimeout().toSeconds()));
        return props;
    }

    /** pgjdbc's socketTimeout: how long a statement waits for the server's answer, G/3. */
    public Duration readTimeout() {
        return Duration.ofSeconds(Math.max(1, Math.max(1, giveUp.toSeconds()) / 3));
    }

    /** How long a caller waits for a pooled connection (HikariCP's minimum is 250 ms). */
    public Duration statementTimeout() {
        return max(giveUp.dividedBy(4), Duration.ofSeconds(1));
    }

    public Duration poolWait() {
        return max(giveUp.dividedBy(4), Duration.ofMillis(250));
    }

    /** How long HikariCP waits for a connection check; it must not be longer than {@link #poolWait}. */
    public Duration validation() {
        Duration fiveSeconds = Duration.ofSeconds(5);
        return poolWait().compareTo(fiveSeconds) < 0 ? poolWait() : fiveSeconds;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
