package crdb.workshop.common.compat;

import java.util.List;

/**
 * The one list of PostgreSQL-only statements the main code may send without a database-id check
 * the guard can see, each with why it is harmless on CockroachDB. Entries name the file (not its
 * folders, so a class that moves between modules keeps its entry) and the construct.
 * CockroachCompatibilityTest prints the list on every run.
 */
public final class AllowedPostgreSqlOnly {

    /** One allowed construct in one file, and why. */
    public record Entry(String fileName, CockroachIncompatibility construct, String reason) {
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry("TrafficCounter.java", CockroachIncompatibility.EXTENSION,
                    "tried on every server and its failure caught: without pg_stat_statements (CockroachDB has"
                            + " none) the transfer benchmark counts statements on the wire only, and prints so"),
            new Entry("BackendTerminator.java", CockroachIncompatibility.POSTGRES_PROCESS_CATALOG,
                    "fault injection for PostgreSQL only: start() refuses CockroachDB before the thread that sends"
                            + " these runs (the check is in another method, where the guard cannot see it)"));

    private AllowedPostgreSqlOnly() {
    }

    /** Whether {@code statement}, which falls under {@code construct}, is on the list. */
    public static boolean allows(SentStatement statement, CockroachIncompatibility construct) {
        return ENTRIES.stream().anyMatch(e -> e.fileName().equals(statement.fileName()) && e.construct() == construct);
    }
}
