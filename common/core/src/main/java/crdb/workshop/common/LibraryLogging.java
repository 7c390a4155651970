package crdb.workshop.common;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps pgjdbc and HikariCP quiet unless the user asks for --verbose: a lesson's failure is one
 * line from the lesson, not a library's stack trace. pgjdbc logs through java.util.logging, whose
 * default console handler prints WARNING and SEVERE; HikariCP logs through SLF4J, whose levels
 * simplelogger.properties sets (HikariCP off there).
 */
public final class LibraryLogging {

    /** Held here: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final Logger PGJDBC = Logger.getLogger("org.postgresql");

    private static final String HIKARI_LEVEL = "org.slf4j.simpleLogger.log.com.zaxxer.hikari";

    private static boolean hikariLevelSetHere;

    static {
        PGJDBC.setLevel(Level.OFF);
    }

    private LibraryLogging() {
    }

    /**
     * Makes sure the class initializer has silenced pgjdbc, once; unlike {@link #quiet}, it leaves
     * a level set since (by --verbose) alone. Called before anything reaches pgjdbc.
     */
    public static void install() {
        // The work is in the static initializer.
    }

    /** Silences pgjdbc again. */
    public static void quiet() {
        PGJDBC.setLevel(Level.OFF);
    }

    /**
     * Lets both libraries print their warnings, for --verbose. HikariCP reads its level when its
     * classes load, so this works when called before the first pool is built, as LessonRunner does.
     */
    public static void verbose() {
        PGJDBC.setLevel(Level.WARNING);
        if (System.getProperty(HIKARI_LEVEL) == null) {
            System.setProperty(HIKARI_LEVEL, "warn");
            hikariLevelSetHere = true;
        }
    }

    /** Undoes {@link #verbose} when the run ends, so one verbose run in a JVM leaves later ones quiet. */
    public static void endVerbose() {
        PGJDBC.setLevel(Level.OFF);
        if (hikariLevelSetHere) {
            System.clearProperty(HIKARI_LEVEL);
            hikariLevelSetHere = false;
        }
    }
}
