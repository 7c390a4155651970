package crdb.workshop.common;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The one walk down a failure's cause chain to its SQLSTATE. It sits at the bottom of core so that
 * every layer (the echo, the pool's messages, the retry rules) names a failure the same way;
 * {@link crdb.workshop.common.retry.FailureClassifier} decides what the SQLSTATE means.
 */
public final class SqlState {

    private SqlState() {
    }

    /**
     * The first SQLSTATE in the cause chain: MyBatis wraps the driver's SQLException in a
     * PersistenceException, and a failed batch keeps the real error as its next exception.
     * {@code null} when there is none.
     */
    public static String of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (e.getSQLState() != null) {
                        return e.getSQLState();
                    }
                    if (e.getNextException() != null && !seen.add(e.getNextException())) {
                        break; // a cycle of next exceptions
                    }
                }
            }
        }
        return null;
    }
}
