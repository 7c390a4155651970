package crdb.workshop.common.cli;

import crdb.workshop.common.LibraryLogging;
import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.db.Workshop;
import crdb.workshop.common.mybatis.SqlEcho;
import crdb.workshop.common.retry.AmbiguousCommitException;
import crdb.workshop.common.retry.FailureClassifier;
import crdb.workshop.common.retry.RetriesExhaustedException;
import crdb.workshop.common.retry.RetryInterruptedException;
import crdb.workshop.common.settings.Settings;
import crdb.workshop.common.url.DatabaseUrl;
import crdb.workshop.common.url.InputText;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a lesson's main program: reads the flags, starts the database, prints the banner, applies
 * dbinit.sql, runs the lesson, and turns a failure into one clear line and a non-zero exit.
 *
 * <p>Flags: {@code --echo-sql} prints every statement MyBatis sends; {@code --verbose} adds stack
 * traces to failures. Both have environment twins: WORKSHOP_ECHO_SQL, WORKSHOP_VERBOSE.
 */
public final class LessonRunner {

    /** What a lesson does once it has a database with the schema applied. */
    @FunctionalInterface
    public interface Lesson {
        void run(Database database, PrintStream out) throws Exception;
    }

    /** Words an argument holding a secret would carry, in any case. */
    private static final Pattern SECRET_WORD = Pattern.compile("(?i)pass|pwd|secret|token|key|auth|cred");

    private LessonRunner() {
    }

    /** For a lesson's {@code main}: runs it and exits non-zero if it failed. */
    public static void main(String[] args, Lesson lesson) {
        if (LessonSelection.everyLessonAtOnce()) {
            return;
        }
        int status = run(args, Settings::fromEnvironment, System.out, System.err, lesson);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs {@code lesson}; returns the process exit status. */
    public static int run(String[] args, Settings settings, PrintStream out, PrintStream err, Lesson lesson) {
        return run(args, () -> settings, out, err, lesson);
    }

    /**
     * Runs {@code lesson} with settings read inside the runner, so that a bad setting (say
     * WORKSHOP_DATABASE=mysql) ends as one line and exit 1 like every other mistake.
     */
    public static int run(String[] args, Supplier<Settings> settings, PrintStream out, PrintStream err,
            Lesson lesson) {
        boolean echoSql = false;
        boolean verbose = false;
        FailureText text = FailureText.forUrl(null);
        for (String arg : args) {
            switch (arg) {
                case "--echo-sql" -> echoSql = true;
                case "--verbose" -> verbose = true;
                default -> {
                    err.println(text.line(unknownOption(arg)));
                    return 2;
                }
            }
        }
        try {
            Settings effective = settings.get();
            text = FailureText.forUrl(effective.databaseUrl().orElse(null));
            if (echoSql) {
                effective = effective.withEchoSql(true);
            }
            if (verbose) {
                effective = effective.withVerbose(true);
            }
            verbose = effective.verbose();
            if (verbose) {
                LibraryLogging.verbose();
            }
            SqlEcho.echoTo(effective.echoSql() ? out : null);
            try (Workshop workshop = Workshop.start(effective, err::println)) {
                out.println(workshop.banner());
                workshop.database().applySchema();
                lesson.run(workshop.database(), out);
                return 0;
            }
        } catch (WorkshopException e) {
            err.println(text.line(e.getMessage()));
            if (verbose) {
                text.printStackTrace(e, err);
            }
            return 1;
        } catch (AmbiguousCommitException | RetriesExhaustedException | RetryInterruptedException e) {
            // The executor's own words say what happened and what to do; the driver's would not.
            err.println(text.line("Failed: " + e.getMessage()) + (verbose ? "" : " (run with --verbose for the"
                    + " stack trace)"));
            if (verbose) {
                text.printStackTrace(e, err);
            }
            return 1;
        } catch (Exception e) {
            err.println(text.line("Failed: " + describe(e)) + (verbose ? "" : " (run with --verbose for the stack"
                    + " trace)"));
            if (verbose) {
                text.printStackTrace(e, err);
            }
            return 1;
        } finally {
            SqlEcho.echoTo(null);
            if (verbose) {
                LibraryLogging.endVerbose();
            }
        }
    }

    /**
     * The line for an argument we do not know. The Python samples take the connection string as an
     * argument, so a learner may pass one here: it is never echoed, as it may hold a password.
     */
    private static String unknownOption(String arg) {
        String options = "Options: --echo-sql (print the SQL), --verbose (stack traces on failure).";
        if (DatabaseUrl.looksLikeUrl(arg)) {
            return "Unknown option " + DatabaseUrl.maskArgument(arg) + " (it looks like a connection string: set"
                    + " DATABASE_URL to it instead, in quotes). " + options;
        }
        if (!arg.matches("--?[a-z][a-z-]*") || SECRET_WORD.matcher(arg).find()) {
            // PGPASSWORD=..., Password=..., --password=..., or a word that may be the value of one: only
            // options spelt like ours (lower-case words) are quoted; a password rarely is one.
            return "Unknown argument (not shown: it may hold a password, as PGPASSWORD=... or a word after --password"
                    + " would). Lessons take no secrets as arguments: put the password in DATABASE_URL. " + options;
        }
        return "Unknown option " + InputText.quote(arg) + ". " + options;
    }

    /**
     * What went wrong, in one line. MyBatis wraps the driver's error in a page of context, so the
     * SQLException in the chain, with its SQLSTATE, says it best.
     */
    private static String describe(Throwable e) {
        String state = FailureClassifier.sqlState(e);
        if (state != null && state.startsWith("08")) {
            // Class 08: the server went away, and the retries' deadline has passed. The pool's own words
            // ("Connection is not available, request timed out...") would not say that.
            return "the database stopped answering, and the lesson gave up (SQLSTATE " + state
                    + "). Is the server running? WORKSHOP_GIVE_UP_SECONDS sets how long to wait (default 30)";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return firstLine(sql.getMessage()) + " (SQLSTATE " + state + ")";
            }
        }
        return e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        return message.strip().lines().findFirst().orElse("").strip();
    }
}
