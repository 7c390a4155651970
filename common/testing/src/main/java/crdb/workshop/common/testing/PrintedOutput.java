package crdb.workshop.common.testing;

import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mybatis.SqlEcho;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a lesson's body against a test database and returns what it printed. */
public final class PrintedOutput {

    /**
     * Stands in for the runner's first line, which names this machine's database; docs blocks
     * match it with {@code Database: <any>}.
     */
    public static final String BANNER = "Database: test";

    private PrintedOutput() {
    }

    /** What {@code lesson} prints, as the runner calls it after the banner and dbinit.sql. */
    public static String of(Database database, LessonRunner.Lesson lesson) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            lesson.run(database, out);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** The same, led by a banner line: the whole output as a docs expected-output block shows it. */
    public static String withBanner(Database database, LessonRunner.Lesson lesson) throws Exception {
        return BANNER + "\n" + of(database, lesson);
    }

    /** As {@link #withBanner}, run with {@code --echo-sql}: the SQL lines among the lesson's own. */
    public static String withEchoSql(Database database, LessonRunner.Lesson lesson) throws Exception {
        return withBanner(database, (db, out) -> {
            SqlEcho.echoTo(out);
            try {
                lesson.run(db, out);
            } finally {
                SqlEcho.echoTo(null);
            }
        });
    }
}
