package crdb.workshop.common.retry;

import java.time.Duration;

/**
 * What every pooled connection is set to once, when the pool opens it: SERIALIZABLE as the
 * session's isolation (see {@link Isolation}) and a statement timeout that bounds one attempt.
 * Set per connection, not per transaction, so the common case costs no extra round trip.
 *
 * <p>The statement timeout is the other half of the deadline story: {@link
 * RetryExecutor.Builder#deadline} stops new attempts and waits, but never cuts one short; the
 * timeout ends a statement that waits (for a lock, say) longer than it, with SQLSTATE 57014, which
 * the executor does not retry. The default comes from the caller (the workspace derives it from
 * its give-up time, below the socket timeout, so the server ends a long wait cleanly before the
 * client gives up on the socket); the system property {@code workshop.statementTimeoutSeconds}
 * overrides it (0 turns it off).
 */
public final class SessionDefaults {

    private SessionDefaults() {
    }

    /** The statement timeout in effect: the system property, or {@code fallback}. */
    public static Duration statementTimeout(Duration fallback) {
        String value = System.getProperty("workshop.statementTimeoutSeconds");
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("workshop.statementTimeoutSeconds must be a whole number of seconds,"
                + " 0 or more (0 turns the timeout off), but was '" + value + "'.");
    }

    /**
     * The SQL a pool runs on each new connection (HikariCP's connectionInitSql), valid on
     * CockroachDB and PostgreSQL. Both are session settings; statement_timeout 0 means none. A
     * null {@code statementTimeout} leaves the session's own (say, one the connection URL set).
     */
    public static String connectionInitSql(Duration statementTimeout) {
        String isolation = "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL "
                + Isolation.SERIALIZABLE.sqlName();
        return statementTimeout == null ? isolation
                : isolation + "; SET statement_timeout = '" + statementTimeout.toMillis() + "ms'";
    }
}
