package crdb.workshop.transfers.solution;

import crdb.workshop.transfers.exercise.ErrorClassifier;
import java.sql.SQLException;

/** The reference solution to exercise 03, part B. Try the exercise before you read it. */
public class ErrorClassifierSolution implements ErrorClassifier {

    @Override
    public Verdict classify(Throwable failure, boolean commitSent) {
        String state = sqlState(failure);
        if ("40001".equals(state) || "40P01".equals(state)) {
            return Verdict.RETRY;
        }
        boolean connectionError = state != null && (state.startsWith("08") || state.equals("57P01"));
        if (!commitSent || "08003".equals(state)) {
            // 08003: the driver would not send COMMIT on a closed connection, so nothing was committed.
            return connectionError ? Verdict.RETRY : Verdict.FATAL;
        }
        return state == null || connectionError || state.equals("40003") ? Verdict.AMBIGUOUS : Verdict.FATAL;
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
