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
public enum CockroachIncompatibility {

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
            CockroachIncompatibility::modifiesOneTableTwice),
    TEMPORARY_TABLE("temporary tables are off by default (experimental_enable_temp_tables) and only session-scoped:"
            + " CREATE TEMP TABLE fails on a default cluster, and ON COMMIT DROP / DELETE ROWS are not supported",
            "https://www.cockroachlabs.com/docs/stable/temporary-tables",
            words("CREATE\\s+(GLOBAL\\s+|LOCAL\\s+)?TEMP(ORARY)?\\s+TABLE|ON\\s+COMMIT\\s+(DROP|DELETE\\s+ROWS)")),
    REPEATABLE_READ("REPEATABLE READ is not one of CockroachDB's documented levels (SERIALIZABLE, READ COMMITTED):"
            + " it runs as SERIALIZABLE unless the preview cluster setting sql.txn.repeatable_read_isolation.enabled"
            + " is on, so the statement succeeds and the isolation asked for is silently not the one that runs;"
            + " state SERIALIZABLE or READ COMMITTED",
            "https://www.cockroachlabs.com/docs/stable/read-committed",
            words("REPEATABLE\\s+READ")),
    EXTENSION("CockroachDB loads no extensions: CREATE EXTENSION accepts only a few names whose features are"
            + " built in, and pg_stat_statements is not one (statement statistics are in SHOW STATEMENTS and"
            + " the DB Console's SQL Activity)",
            "https://www.cockroachlabs.com/docs/stable/pg-extension",
            words("CREATE\\s+EXTENSION|pg_stat_statements")),
    COPY_OPTION("COPY ... WITH FREEZE, COPY ... WITH QUOTE and COPY ... FROM ... WHERE are not supported",
            "https://www.cockroachlabs.com/docs/stable/copy#unsupported-syntax",
            sql -> sql.matches("(?is)^\\s*COPY\\b.*") && sql.matches("(?is).*(\\bFREEZE\\b|\\bQUOTE\\b|\\bFROM\\b.*\\bWHERE\\b).*")),
    TRIGGER_KIND("only row-level, non-constraint triggers exist: CONSTRAINT TRIGGER, statement-level triggers"
            + " (FOR EACH STATEMENT, or no FOR EACH clause, which PostgreSQL takes as per statement) and INSTEAD OF"
            + " triggers are not supported",
            "https://www.cockroachlabs.com/docs/stable/known-limitations#triggers",
            sql -> sql.matches("(?is).*\\bCONSTRAINT\\s+TRIGGER\\b.*|.*\\bFOR\\s+EACH\\s+STATEMENT\\b.*"
                    + "|.*\\bINSTEAD\\s+OF\\b.*")
                    || sql.matches("(?is)^\\s*CREATE\\s+(OR\\s+REPLACE\\s+)?TRIGGER\\b.*")
                    && !sql.matches("(?is).*\\bFOR\\s+EACH\\s+ROW\\b.*")),
    LISTEN_NOTIFY("LISTEN, NOTIFY, UNLISTEN and pg_notify are not supported (an open issue);"
            + " changefeeds are CockroachDB's way to hear of changes",
            "https://github.com/cockroachdb/cockroach/issues/41522",
            sql -> sql.matches("(?is)^\\s*(LISTEN|NOTIFY|UNLISTEN)\\b.*") || sql.matches("(?is).*\\bpg_notify\\s*\\(.*")),
    POSTGRES_SETTING("PostgreSQL's planner and server settings (random_page_cost, enable_seqscan, work_mem, fsync,"
            + " synchronous_commit, ...) are not CockroachDB session variables: SET, SHOW and current_setting()"
            + " on them fail; CockroachDB's cost-based optimizer has no such knobs",
            "https://www.cockroachlabs.com/docs/stable/session-variables",
            words("random_page_cost|seq_page_cost|cpu_(tuple|index_tuple|operator)_cost|effective_cache_size"
                    + "|enable_(seqscan|indexscan|indexonlyscan|bitmapscan|hashjoin|mergejoin|nestloop|sort|hashagg)"
                    + "|work_mem|maintenance_work_mem|fsync|synchronous_commit|full_page_writes|wal_level"
                    + "|shared_buffers|shared_preload_libraries"));

    private static final Pattern MODIFIED_TABLE = Pattern.compile(
            "(?i)(?<!\\bDO\\s|\\bFOR\\s|\\bKEY\\s)\\b(INSERT\\s+INTO|UPSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(\\w+)");

    public final String why;
    public final String source;
    private final Predicate<String> matches;

    CockroachIncompatibility(String why, String source, Predicate<String> matches) {
        this.why = why;
        this.source = source;
        this.matches = matches;
    }

    /** The first entry {@code statement} falls under, if any. */
    public static Optional<CockroachIncompatibility> of(SentStatement statement) {
        return of(statement.oneLine());
    }

    /** The first entry the SQL text {@code sql} falls under, if any. */
    public static Optional<CockroachIncompatibility> of(String sql) {
        sql = sql.strip().replaceAll("\\s+", " ");
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

    public static List<CockroachIncompatibility> all() {
        return List.of(values());
    }
}
