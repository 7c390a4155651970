package crdb.workshop.common.testing;

import crdb.workshop.common.SqlState;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The structured fields of the error a server sent, found anywhere in a cause chain. Tests assert
 * these, never the message text: PostgreSQL and CockroachDB word their messages differently (a
 * failed CHECK names the constraint in PostgreSQL's text and the expression in CockroachDB's), but
 * both send the SQLSTATE and the constraint name in fields of their own.
 *
 * @param sqlState the five-character SQLSTATE, such as {@code 23514}
 * @param constraint the constraint the statement violated, or null when the server named none
 */
public record ServerError(String sqlState, String constraint) {

    /** The server error behind {@code failure}; an {@link AssertionError} when there is none. */
    public static ServerError in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage fields = psql.getServerErrorMessage();
                return new ServerError(SqlState.of(psql), fields.getConstraint());
            }
        }
        throw new AssertionError("no error from the server in the cause chain of " + failure, failure);
    }
}
