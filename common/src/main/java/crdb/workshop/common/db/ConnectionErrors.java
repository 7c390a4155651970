package crdb.workshop.common.db;

import crdb.workshop.common.WorkshopException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import javax.net.ssl.SSLException;

/** Turns a failed first connection into one line that says what to fix. */
final class ConnectionErrors {

    private ConnectionErrors() {
    }

    static WorkshopException explain(SQLException e, ConnectionSettings settings) {
        String where = settings.display();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Throwable cause = rootCause(e);
        String message;
        if (state.equals("28P01") || state.equals("28000")) {
            message = "The server refused user '" + settings.user() + "' (" + where + "): wrong user name or"
                    + " password. Check the credentials in DATABASE_URL (CockroachDB Cloud: SQL Users page).";
        } else if (state.equals("3D000")) {
            message = "The database in " + where + " does not exist. Create it (CREATE DATABASE ...)"
                    + " or put an existing one, such as defaultdb, in DATABASE_URL.";
        } else if (cause instanceof UnknownHostException) {
            message = "Unknown host in " + where + ". Check the host name in DATABASE_URL.";
        } else if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            message = "Could not connect to " + where + ": connection refused. Is the server running?"
                    + " For a local node: cockroach start-single-node --insecure, then"
                    + " DATABASE_URL=postgresql://root@localhost:26257/defaultdb?sslmode=disable";
        } else if (cause instanceof SocketTimeoutException) {
            message = "Timed out connecting to " + where + ". Check the host, the port and any firewall"
                    + " (CockroachDB Cloud: IP allowlist).";
        } else if (cause instanceof SSLException || state.equals("08004") && e.getMessage() != null
                && e.getMessage().contains("SSL")) {
            message = "TLS failed with " + where + ". For a secure cluster use sslmode=verify-full with"
                    + " sslrootcert=<CA file>; for an --insecure node use sslmode=disable.";
        } else {
            message = "Could not connect to " + where + " (SQLSTATE " + (state.isEmpty() ? "none" : state)
                    + "). Check DATABASE_URL; run with --verbose for details.";
        }
        return new WorkshopException(message, e);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
