package crdb.workshop.common.compat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL that PostgreSQL runs and CockroachDB rejects or only pretends to run. The list is short on
 * purpose: each entry is something a learner porting PostgreSQL habits is likely to write, with
 * the CockroachDB page that says so. Anything not listed is still checked by running the suite on
 * a CockroachDB cluster (see the README, "Run the tests on CockroachDB").
 */
enum CockroachIncompatibility {

    ADVISORY_LOCK("advisory lock functions are not supported: where CockroachDB defines them at all, they are no-ops that lock nothing",
            "https://www.cockroachlabs.com/docs/stable/postgresql-compatibility#unsupported-postgresql-features",
            words("pg_(try_)?advisory_\\w+")),
    LOCK_TABLE("LOCK TABLE is not supported (a syntax error)",
            "https://github.com/cockroachdb/cockroach/issues/43654",
            words("LOCK\\s+(TABLE\\s+)?\\w+\\s+IN\\s+\\w+|LOCK\\s+TABLE")),
    DEFERRED_CONSTRAINT("deferrable constraints (DEFERRABLE, INITIALLY DEFERRED, SET CONSTRAINTS) are not supported;"
            + " constraints are checked per statement",
            "https://github.com/cockroachdb/cockroach/issues/31632",
            words("(?<!NOT\\s)DEFERRABLE|INITIALLY\\s+DEFERRED|SET\\s+CONSTRAINTS")),
    POSTGRES_PROCESS_CATALOG("PostgreSQL's process functions and catalogs have no real counterpart: pg_backend_pid()"
            + " is not a process id, pg_locks and pg_stat_activity do not show CockroachDB's locks and sessions,"
            + " pg_terminate_backend/pg_cancel_backend do not exist (CockroachDB has CANCEL SESSION / CANCEL QUERY"
            + " and SHOW SESSIONS), and rows have no xmin/ctid",
            "https://www.cockroachlabs.com/docs/stable/functions-and-operators",
            words("pg_backend_pid|pg_terminate_backend|pg_cancel_backend|pg_locks|pg_stat_activity|xmin|ctid")),
    SERIAL("SERIAL is not a sequence: by default CockroachDB fills it with unique_rowid(), unique but neither"
            + " gapless nor in insert order; use UUID keys (gen_random_uuid()) as the lessons do",
            "https://www.cockroachlabs.com/docs/stable/serial",
            words("(SMALL|BIG)?SERIAL[248]?")),
    CRDB_INTERNAL("crdb_internal is for support use: from v26.1 its built-ins are refused unless"
            + " allow_unsafe_internals is set; use SHOW statements or information_schema",
            "https://www.cockroachlabs.com/docs/stable/crdb-internal#access-control",
            words("crdb_internal\\.\\w+")),
    TABLE_MODIFIED_TWICE_IN_ONE_STATEMENT("a statement may not modify one table in two of its parts (WITH ... AS"
            + " (UPDATE t ...) UPDATE t ...) unless every part is an INSERT without ON CONFLICT",
            "https://www.cockroachlabs.com/docs/stable/known-limitations#statements-containing-multiple-modification-subqueries-of-the-same-table-are-disallowed",
            CockroachIncompatibility::modifiesOneTableTwice);

    private static final Pattern MODIFIED_TABLE = Pattern.compile(
            "(?i)(?<!\\bDO\\s|\\bFOR\\s|\\bKEY\\s)\\b(INSERT\\s+INTO|UPSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(\\w+)");

    final String why;
    final String source;
    private final Predicate<String> matches;

    CockroachIncompatibility(String why, String source, Predicate<String> matches) {
        this.why = why;
        this.source = source;
        this.matches = matches;
    }

    /** The first entry {@code statement} falls under, if any. */
    static Optional<CockroachIncompatibility> of(SentStatement statement) {
        String sql = statement.oneLine();
        for (CockroachIncompatibility rule : values()) {
            if (rule.matches.test(sql)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private static Predicate<String> words(String regex) {
        Pattern pattern = Pattern.compile("(?i)\\b(" + regex + ")\\b");
        return sql -> pattern.matcher(sql).find();
    }

    private static boolean modifiesOneTableTwice(String sql) {
        if (!sql.regionMatches(true, 0, "WITH", 0, 4)) {
            return false;
        }
        boolean onConflict = sql.matches("(?is).*\\bON\\s+CONFLICT\\b.*");
        Map<String, Integer> modifications = new HashMap<>();
        Map<String, Boolean> onlyInserts = new HashMap<>();
        Matcher m = MODIFIED_TABLE.matcher(sql);
        while (m.find()) {
            String table = m.group(2).toLowerCase();
            modifications.merge(table, 1, Integer::sum);
            boolean insert = m.group(1).regionMatches(true, 0, "INSERT", 0, 6);
            onlyInserts.merge(table, insert, Boolean::logicalAnd);
        }
        return modifications.entrySet().stream().anyMatch(
                e -> e.getValue() > 1 && !(onlyInserts.get(e.getKey()) && !onConflict));
    }

    static List<CockroachIncompatibility> all() {
        return List.of(values());
    }
}
