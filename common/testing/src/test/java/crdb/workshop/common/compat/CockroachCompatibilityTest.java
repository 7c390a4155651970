package crdb.workshop.common.compat;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.docs.RepositoryRoot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The build's CockroachDB guard: no statement that any module's main code can send (lessons,
 * common/core, benchmark rigs, test support) uses something CockroachDB rejects or only fakes (see
 * {@link CockroachIncompatibility} for the list and the documentation behind each entry), unless a
 * database-id check the collector sees guards it or {@link AllowedPostgreSqlOnly} lists it with its
 * reason. The embedded PostgreSQL would run such a statement happily, so without this check the
 * first to notice would be a learner on a real cluster. Lesson 02's rendered Dynamic SQL is checked
 * by that lesson's RenderedSqlCompatibilityTest.
 */
class CockroachCompatibilityTest {

    private static final Path ROOT = RepositoryRoot.find();

    @Test
    void everyStatementTheMainCodeSendsIsValidOnCockroachDb() {
        List<SentStatement> statements = SentStatements.in(ROOT);
        System.out.println("PostgreSQL-only statements allowed without a database-id check (AllowedPostgreSqlOnly):");
        AllowedPostgreSqlOnly.ENTRIES.forEach(e -> System.out.println("  " + e.fileName() + ": " + e.construct()
                + ": " + e.reason()));

        List<String> findings = statements.stream()
                .flatMap(statement -> CockroachIncompatibility.of(statement).stream()
                        .filter(rule -> !statement.guardedByDatabaseId() && !AllowedPostgreSqlOnly.allows(statement, rule))
                        .map(rule -> statement.where() + ": " + rule + ": " + rule.why + " (" + rule.source + ")."
                                + " Guard it with a database-id check, or list it in AllowedPostgreSqlOnly with why.\n    "
                                + statement.oneLine()))
                .toList();
        findings.forEach(System.out::println);

        assertThat(findings).as("statements CockroachDB rejects or fakes, with no database-id check").isEmpty();
    }

    @Test
    void everyAllowListEntryStillMatchesAStatement() {
        List<SentStatement> statements = SentStatements.in(ROOT);

        assertThat(AllowedPostgreSqlOnly.ENTRIES).allSatisfy(entry -> assertThat(statements)
                .as("%s still sends %s", entry.fileName(), entry.construct())
                .anyMatch(s -> s.fileName().equals(entry.fileName())
                        && CockroachIncompatibility.of(s).filter(entry.construct()::equals).isPresent()));
    }

    @Test
    void aDatabaseIdCheckEarlierInTheSameMemberGuardsAStatement() {
        String source = """
                class Rig {
                    static final String COUNT = "SELECT 1";

                    String guarded(Database database) {
                        if (database.isCockroachDb()) {
                            return null;
                        }
                        return "SHOW random_page_cost";
                    }

                    String unguarded() {
                        return "SHOW random_page_cost";
                    }

                    @Select("SHOW random_page_cost")
                    String annotated();
                }
                """;

        assertThat(SentStatements.guarded(source, source.indexOf("SHOW"))).isTrue();
        assertThat(SentStatements.guarded(source, source.indexOf("SHOW", source.indexOf("unguarded")))).isFalse();
        assertThat(SentStatements.guarded(source, source.lastIndexOf("SHOW"))).isFalse();
        assertThat(SentStatements.guarded(source, source.indexOf("SELECT"))).isFalse();
    }

    @Test
    void theCollectorFindsMapperXmlAnnotationsJdbcStringsSchemaScriptsAndTestSupport() {
        List<String> where = SentStatements.in(ROOT).stream().map(SentStatement::where).toList();

        assertThat(where).anySatisfy(w -> assertThat(w).startsWith("dbinit.sql"))
                .anySatisfy(w -> assertThat(w).contains("TransferMapper.xml id="))
                .anySatisfy(w -> assertThat(w).contains("TransferMapper.java:"))
                .anySatisfy(w -> assertThat(w).contains("JdbcTransferService.java:"))
                .anySatisfy(w -> assertThat(w).endsWith("schema.sql"))
                .anySatisfy(w -> assertThat(w).contains("CommitFaults.java:"))
                .anySatisfy(w -> assertThat(w).contains("DatabaseExtension.java:"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT pg_advisory_lock(1)",
        "SELECT pg_try_advisory_xact_lock(42)",
        "LOCK TABLE accounts IN EXCLUSIVE MODE",
        "CREATE TABLE t (id UUID PRIMARY KEY REFERENCES u (id) DEFERRABLE INITIALLY DEFERRED)",
        "SET CONSTRAINTS ALL DEFERRED",
        "SELECT pid FROM pg_locks WHERE NOT granted",
        "SELECT pg_terminate_backend(42)",
        "SELECT xmin, id FROM accounts",
        "CREATE TABLE t (id BIGSERIAL PRIMARY KEY)",
        "SELECT crdb_internal.force_retry('1s')",
        "WITH debit AS (UPDATE accounts SET balance = balance - 1 WHERE id = $1 RETURNING id)"
                + " UPDATE accounts SET balance = balance + 1 WHERE id = $2",
        "WITH gone AS (DELETE FROM orders WHERE id = $1 RETURNING id) INSERT INTO orders (id) VALUES ($2)"
                + " ON CONFLICT (id) DO NOTHING",
        "CREATE TEMP TABLE t (x INT)",
        "CREATE TEMPORARY TABLE staging (id UUID) ON COMMIT DROP",
        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ",
        "BEGIN ISOLATION LEVEL REPEATABLE READ",
        "CREATE EXTENSION IF NOT EXISTS pg_stat_statements",
        "SELECT sum(calls) FROM pg_stat_statements",
        "COPY points FROM STDIN WITH (FORMAT csv, FREEZE true)",
        "COPY points FROM STDIN WITH (FORMAT csv, QUOTE '\"')",
        "COPY points (id, x) FROM STDIN WHERE x > 0",
        "CREATE CONSTRAINT TRIGGER t AFTER INSERT ON a DEFERRABLE FOR EACH ROW EXECUTE FUNCTION f()",
        "CREATE TRIGGER t AFTER INSERT ON a FOR EACH STATEMENT EXECUTE FUNCTION f()",
        "CREATE TRIGGER t AFTER INSERT ON a EXECUTE FUNCTION f()",
        "CREATE TRIGGER t INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION f()",
        "LISTEN x",
        "NOTIFY transfers, 'done'",
        "UNLISTEN *",
        "SELECT pg_notify('transfers', 'done')",
        "SHOW random_page_cost",
        "SET enable_seqscan = off",
        "ALTER DATABASE bank SET random_page_cost = 1.1",
        "SELECT current_setting('fsync'), current_setting('synchronous_commit')",
    })
    void eachListedConstructIsCaught(String sql) {
        assertThat(CockroachIncompatibility.of(new SentStatement("planted", sql))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT id, balance FROM accounts WHERE id = #{id} FOR UPDATE",
        "INSERT INTO accounts (id, balance) VALUES (#{id}, #{balance}) ON CONFLICT (id) DO UPDATE SET balance = 1",
        "SET TRANSACTION ISOLATION LEVEL READ COMMITTED",
        "SET TRANSACTION NOT DEFERRABLE",
        "WITH a AS (INSERT INTO log (id) VALUES (1) RETURNING id) INSERT INTO log (id) VALUES (2)",
        "WITH moved AS (UPDATE accounts SET balance = 0 WHERE id = $1 RETURNING id)"
                + " INSERT INTO transfers (id) SELECT id FROM moved",
        "SELECT id FROM accounts WHERE id = $1 FOR NO KEY UPDATE",
        "CREATE TABLE IF NOT EXISTS points (id UUID PRIMARY KEY, x INT8 NOT NULL)",
        "COPY points (id, x) FROM STDIN WITH (FORMAT csv)",
        "CREATE TRIGGER audit AFTER UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION audit()",
        "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE",
        "SHOW transaction_isolation",
    })
    void whatCockroachDbRunsIsLeftAlone(String sql) {
        assertThat(CockroachIncompatibility.of(new SentStatement("planted", sql))).isEmpty();
    }
}
