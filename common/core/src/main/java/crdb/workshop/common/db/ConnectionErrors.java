package crdb.workshop.common.db;

import crdb.workshop.common.WorkshopException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import javax.net.ssl.SSLException;

/**
 * Turns a failure on the way to a usable database (the first connection, then dbinit.sql) into
 * one line that says what to fix. The connection is shown by its display form, password masked.
 */
final class ConnectionErrors {

    private ConnectionErrors() {
    }

    static WorkshopException explain(SQLException e, ConnectionSettings settings) {
        String where = settings.display();
        String state = sqlState(e);
        Throwable cause = rootCause(e);
        String message;
        if (state.equals("28P01") || state.equals("28000")) {
            message = "The server refused user '" + settings.user() + "' (" + where + "): wrong user name or"
                    + " password. Check the credentials in DATABASE_URL (CockroachDB Cloud: SQL Users page).";
        } else if (state.equals("3D000")) {
            message = missingDatabase(where);
        } else if (cause instanceof UnknownHostException) {
            message = "Unknown host in " + where + ". Check the host name in DATABASE_URL.";
        } else if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            message = "Could not connect to " + where + ": connection refused. Is the server running?"
                    + " For a local node: cockroach start-single-node --insecure, then"
                    + " DATABASE_URL=postgresql://root@localhost:26257/defaultdb?sslmode=disable";
        } else if (cause instanceof SocketTimeoutException) {
            message = "Timed out connecting to " + where + ". Check the host, the port and any firewall"
                    + " (CockroachDB Cloud: IP allowlist).";
        } else if (mentions(e, "SSL root certificate")) {
            // pgjdbc looks for ~/.postgresql/root.crt when sslrootcert is not given.
            message = "TLS with " + where + " needs the cluster's CA certificate, and pgjdbc could not load one."
                    + " Download it (CockroachDB Cloud: Connect dialog) to ~/.postgresql/root.crt, or point"
                    + " sslrootcert=<file> in DATABASE_URL at it.";
        } else if (cause instanceof SSLException || state.equals("08004") && mentions(e, "SSL")) {
            message = "TLS failed with " + where + ". For a secure cluster use sslmode=verify-full with"
                    + " sslrootcert=<CA file>; for an --insecure node use sslmode=disable.";
        } else {
            message = "Could not connect to " + where + " (SQLSTATE " + (state.isEmpty() ? "none" : state)
                    + "). Check DATABASE_URL; run with --verbose for details.";
        }
        return new WorkshopException(message, e);
    }

    /**
     * A schema script failed. CockroachDB accepts a connection to a database that does not exist
     * and only fails on first use, so a missing database often shows up here, not in {@link #explain}.
     */
    static WorkshopException scriptFailed(String script, SQLException e, ConnectionSettings settings) {
        String where = settings.display();
        String state = sqlState(e);
        String message;
        if (state.equals("3D000")) {
            message = missingDatabase(where);
        } else if (state.equals("42501")) {
            message = "User '" + settings.user() + "' may not create tables in " + where + " (running " + script
                    + ": " + firstLine(e) + "). Connect as a user who may, or grant it: GRANT CREATE ON SCHEMA"
                    + " public TO " + settings.user() + ".";
        } else {
            message = "Could not run " + script + " on " + where + ": " + firstLine(e) + " (SQLSTATE "
                    + (state.isEmpty() ? "none" : state) + ").";
        }
        return new WorkshopException(message, e);
    }

    private static String missingDatabase(String where) {
        return "The database in " + where + " does not exist. Create it (CREATE DATABASE ...)"
                + " or put an existing one, such as defaultdb, in DATABASE_URL.";
    }

    private static String sqlState(SQLException e) {
        return e.getSQLState() == null ? "" : e.getSQLState();
    }

    private static String firstLine(SQLException e) {
        String text = e.getMessage() == null ? "" : e.getMessage().strip();
        return text.lines().findFirst().orElse("");
    }

    private static boolean mentions(SQLException e, String text) {
        return e.getMessage() != null && e.getMessage().contains(text);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
