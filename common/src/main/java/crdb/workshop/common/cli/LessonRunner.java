package crdb.workshop.common.cli;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.db.Settings;
import crdb.workshop.common.db.Workshop;
import crdb.workshop.common.mybatis.SqlEcho;
import java.io.PrintStream;

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

    private LessonRunner() {
    }

    /** For a lesson's {@code main}: runs it and exits non-zero if it failed. */
    public static void main(String[] args, Lesson lesson) {
        int status = run(args, Settings.fromEnvironment(), System.out, System.err, lesson);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs {@code lesson}; returns the process exit status. */
    public static int run(String[] args, Settings settings, PrintStream out, PrintStream err, Lesson lesson) {
        Settings effective = settings;
        for (String arg : args) {
            switch (arg) {
                case "--echo-sql" -> effective = effective.withEchoSql(true);
                case "--verbose" -> effective = effective.withVerbose(true);
                default -> {
                    err.println("Unknown option '" + arg + "'. Options: --echo-sql (print the SQL), --verbose"
                            + " (stack traces on failure).");
                    return 2;
                }
            }
        }
        boolean verbose = effective.verbose();
        SqlEcho.echoTo(effective.echoSql() ? out : null);
        try (Workshop workshop = Workshop.start(effective)) {
            out.println(workshop.banner());
            workshop.database().applySchema();
            lesson.run(workshop.database(), out);
            return 0;
        } catch (WorkshopException e) {
            err.println(e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            return 1;
        } catch (Exception e) {
            err.println("Failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (verbose ? "" : " (run with --verbose for the stack trace)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            return 1;
        } finally {
            SqlEcho.echoTo(null);
        }
    }
}
