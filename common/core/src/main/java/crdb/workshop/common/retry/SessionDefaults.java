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
 * the executor does not retry. Default {@value #DEFAULT_TIMEOUT_SECONDS} s; set the system property
 * {@code workshop.statementTimeoutSeconds} (0 turns it off).
 */
public final class SessionDefaults {

    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    private SessionDefaults() {
    }

    /** The statement timeout in effect: the system property, or the default. */
    public static Duration statementTimeout() {
        String value = System.getProperty("workshop.statementTimeoutSeconds");
        if (value == null || value.isBlank()) {
            return Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
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
     * CockroachDB and PostgreSQL. Both are session settings; statement_timeout 0 means none.
     */
    public static String connectionInitSql(Duration statementTimeout) {
        return "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + Isolation.SERIALIZABLE.sqlName()
                + "; SET statement_timeout = '" + statementTimeout.toMillis() + "ms'";
    }
}
