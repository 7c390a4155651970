package crdb.workshop.springboot.retry;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Lesson 03's rules, read from the SQLSTATE. Spring translates the driver's SQLException into its
 * own DataAccessException types, and which one a 40001 becomes depends on the translator and the
 * version (CannotAcquireLockException, PessimisticLockingFailureException...). The SQLException
 * is still in the cause chain, so we look for its SQLSTATE there and never at the type.
 */
public final class SqlStates {

    private SqlStates() {
    }

    // tag::sql-state[]
    /** The first SQLSTATE in the cause chain, or {@code null} when no SQLException is in it. */
    public static String of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null && (e == sql || seen.add(e)); e = e.getNextException()) {
                    if (e.getSQLState() != null) {
                        return e.getSQLState();
                    }
                }
            }
        }
        return null;
    }
    // end::sql-state[]

    /**
     * The server rolled the transaction back and asks for a new attempt: 40001 (serialization
     * failure, CockroachDB's "retry this transaction") and 40P01 (PostgreSQL's deadlock victim).
     */
    public static boolean rolledBackByServer(String state) {
        return "40001".equals(state) || "40P01".equals(state);
    }

    /** Class 08 (connection exception) and 57P01 (the server terminated the session). */
    public static boolean connectionLost(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01"));
    }

    /**
     * For a failure that came while COMMIT was being sent: true when nobody can know whether the
     * transaction was applied. A 40001 or 40P01 is a definite "rolled back"; 08003 means the
     * connection was found closed before COMMIT was sent; any other SQLSTATE is the server's
     * answer. No SQLSTATE at all (the connection died), 40003 (CockroachDB's "result is
     * ambiguous") and the other connection errors leave the outcome unknown.
     */
    public static boolean commitOutcomeUnknown(Throwable failure) {
        String state = of(failure);
        if (state == null) {
            return true;
        }
        if (rolledBackByServer(state) || state.equals("08003")) {
            return false;
        }
        return state.equals("40003") || connectionLost(state);
    }
}
