package crdb.workshop.connect;

import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.connect.mapper.SchemaMapper;
import java.io.PrintStream;
import java.util.List;

/**
 * Lesson 01: connect, say which server answered, and list the tables dbinit.sql created.
 *
 * <p>The runner has already chosen the database (DATABASE_URL, a CockroachDB container, or the
 * embedded PostgreSQL), printed the banner and applied dbinit.sql before {@link #run} starts.
 */
public final class ConnectLesson {

    private ConnectLesson() {
    }

    // tag::main[]
    public static void main(String[] args) {
        LessonRunner.main(args, ConnectLesson::run);
    }
    // end::main[]

    // tag::run[]
    static void run(Database database, PrintStream out) {
        out.println("Server version: " + database.serverVersion());
        out.println("CockroachDB: " + (database.isCockroachDb()
                ? "yes"
                : "no (PostgreSQL speaks the same protocol; CockroachDB-only features are skipped)"));
        out.println("Applied dbinit.sql.");

        // One SqlSession per unit of work: the executor opens it, runs the lambda and closes it. A
        // connection lost on the way is tried again until the give-up time (lesson 03 shows how).
        RetryExecutor retry = RetryExecutor.withDefaults(database.sessionFactory());
        List<String> tables = retry.inReadOnlyTransaction(
                session -> session.getMapper(SchemaMapper.class).listTables());
        out.println("Tables: " + String.join(", ", tables));
    }
    // end::run[]
}
