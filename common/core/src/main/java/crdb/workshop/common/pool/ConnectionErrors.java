package crdb.workshop.common.pool;

import crdb.workshop.common.SqlState;
import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.settings.Settings;
import crdb.workshop.common.url.ConnectionSettings;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Turns a failure on the way to a usable database (the first connection, then dbinit.sql) into
 * one line that says what to fix. The connection is shown by its display form, password masked.
 */
public final class ConnectionErrors {

    private ConnectionErrors() {
    }

    public static WorkshopException explain(SQLException e, ConnectionSettings settings) {
        return explain(e, settings, Settings.DEFAULT_GIVE_UP);
    }

    public static WorkshopException explain(SQLException e, ConnectionSettings settings, Duration giveUp) {
        String where = settings.display();
        String state = sqlState(e);
        Throwable cause = rootCause(e);
        String message;
        if (state.equals("28000") && (mentions(e, "no encryption") || mentions(e, "SSL connection required"))) {
            message = "The server at " + where + " accepts only TLS connections, and sslmode="
                    + settings.properties().getProperty("sslmode", "disable") + " does not ask for one. Use"
                    + " sslmode=verify-full with sslrootcert=<the cluster's CA file>.";
        } else if (state.equals("28P01") || state.equals("28000")) {
            message = "The server refused user '" + settings.user() + "' (" + where + "): wrong user name or"
                    + " password. Check the credentials in DATABASE_URL (CockroachDB Cloud: SQL Users page).";
        } else if (state.equals("3D000")) {
            message = missingDatabase(where);
        } else if (state.equals("57P01")) {
            // admin_shutdown: this session was ended (pg_terminate_backend, CANCEL SESSION, a draining
            // node); the server itself may be fine.
            message = "The server at " + where + " ended the connection (SQLSTATE 57P01: terminated by an"
                    + " administrator or by the server). Run the lesson again.";
        } else if (state.equals("57P02")) {
            message = "The server at " + where + " is restarting after a crash (SQLSTATE 57P02)."
                    + " Run the lesson again once it is up.";
        } else if (state.startsWith("57P")) {
            message = "The server at " + where + " is shutting down or starting up (SQLSTATE " + state + ")."
                    + " Run the lesson again once it is up.";
        } else if (cause instanceof UnknownHostException) {
            message = "Unknown host in " + where + ". Check the host name in DATABASE_URL.";
        } else if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            message = "Could not connect to " + where + ": connection refused. Is the server running?"
                    + " For a local node: cockroach start-single-node --insecure, then"
                    + " DATABASE_URL=postgresql://root@localhost:26257/defaultdb?sslmode=disable";
        } else if (cause instanceof SocketTimeoutException || mentions(e, "timed out")) {
            message = "Gave up on " + where + " after " + giveUp.toSeconds() + " s: the server did not answer."
                    + " Check the host, the port and any firewall (CockroachDB Cloud: IP allowlist); set"
                    + " WORKSHOP_GIVE_UP_SECONDS to wait longer.";
        } else {
            message = TlsErrors.explain(e, cause, where, settings.properties().getProperty("sslmode", "prefer"));
            if (message == null) {
                message = "Could not connect to " + where + " (SQLSTATE " + (state.isEmpty() ? "none" : state)
                        + "). Check DATABASE_URL; run with --verbose for details.";
            }
        }
        return new WorkshopException(message, e);
    }

    /**
     * A schema script failed. CockroachDB accepts a connection to a database that does not exist
     * and only fails on first use, so a missing database often shows up here, not in {@link #explain}.
     */
    public static WorkshopException scriptFailed(String script, SQLException e, ConnectionSettings settings) {
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
        String state = SqlState.of(e);
        return state == null ? "" : state;
    }

    private static String firstLine(SQLException e) {
        String text = e.getMessage() == null ? "" : e.getMessage().strip();
        return text.lines().findFirst().orElse("");
    }

    static boolean mentions(SQLException e, String text) {
        return e.getMessage() != null && e.getMessage().contains(text);
    }

    static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
