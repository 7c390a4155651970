package crdb.workshop.common.retry;

import crdb.workshop.common.SqlState;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Decides what a failed attempt means, from its SQLSTATE and from whether COMMIT had been sent.
 *
 * <p>Before COMMIT is sent, nothing can have been committed, so any error that a new attempt may
 * not meet again is safe to retry. Once COMMIT is sent, an answer from the server is definite
 * (an error means it rolled back), but no answer at all leaves the outcome unknown.
 */
public final class FailureClassifier {

    public enum Verdict {
        /** Nothing was applied and a new attempt may succeed: run the whole unit again. */
        RETRY,
        /** COMMIT was sent and no definite answer came back: it may or may not have been applied. */
        AMBIGUOUS,
        /** A failure a new attempt would meet again (or one that is not ours to judge): rethrow it. */
        FATAL
    }

    private FailureClassifier() {
    }

    // tag::classify[]
    public static Verdict classify(Throwable failure, boolean commitSent) {
        String state = sqlState(failure);
        if (state == null) {
            // An application exception in the callback; or, during COMMIT, a failure without any
            // answer from the server.
            return commitSent ? Verdict.AMBIGUOUS : Verdict.FATAL;
        }
        if (isRollbackByServer(state)) {
            return Verdict.RETRY; // the server aborted the transaction, even when it said so at COMMIT
        }
        if (!commitSent) {
            return isConnectionError(state) || isServerBusy(state) ? Verdict.RETRY : Verdict.FATAL;
        }
        if (state.equals("08003")) {
            return Verdict.RETRY; // pgjdbc and Hikari check for a closed connection before sending COMMIT
        }
        if (state.equals("40003") || isConnectionError(state)) {
            return Verdict.AMBIGUOUS;
        }
        return Verdict.FATAL; // the server answered COMMIT with an error, e.g. a deferred constraint: rolled back
    }
    // end::classify[]

    /**
     * 40001 serialization_failure: CockroachDB's (and PostgreSQL's) "retry this transaction".
     * 40P01 deadlock_detected: PostgreSQL's deadlock victim, rolled back; its docs advise retrying it
     * too (CockroachDB resolves deadlocks with a 40001 instead).
     */
    public static boolean isRollbackByServer(String state) {
        return state.equals("40001") || state.equals("40P01");
    }

    /** Class 08 (connection exception) and 57P01 (the server terminated this session). */
    public static boolean isConnectionError(String state) {
        return state.startsWith("08") || state.equals("57P01");
    }

    /**
     * 57P03 cannot_connect_now (the server is starting, shutting down or recovering) and 53300
     * too_many_connections. Both refuse a new connection, before any statement of the unit ran,
     * so nothing was applied and a later attempt may get in. After COMMIT they cannot occur.
     */
    public static boolean isServerBusy(String state) {
        return state.equals("57P03") || state.equals("53300");
    }

    /**
     * The first SQLSTATE in the cause chain ({@link SqlState#of}), {@code null} when there is none.
     * Public: lessons name a failure by it instead of walking the chain again.
     *
     * <p>The pool's "no connection in time" (HikariCP's SQLTransientConnectionException) carries the
     * SQLSTATE of its last failed connection attempt, or none while that attempt still hangs (a
     * server gone silent); without one it is 08001, a connection that could not be had, as a
     * refused one is. Otherwise it would end a lesson at once, far inside the give-up time.
     */
    public static String sqlState(Throwable failure) {
        String state = SqlState.of(failure);
        return state == null && noConnection(failure) ? "08001" : state;
    }

    private static boolean noConnection(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
