package crdb.workshop.crud;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's bug, tested: its callback printed and appended to a global list, so a retried
 * attempt printed twice and remembered accounts that were rolled back. Here the first COMMIT of
 * each step fails with SQLSTATE 40001, raised by the server, and the lesson must still print
 * every line once and describe exactly what the table holds.
 */
@DatabaseTest
class CrudLessonRetryTest {

    private final Database database;

    CrudLessonRetryTest(Database database) {
        this.database = database;
    }

    @BeforeEach
    void failTheFirstCommitOfEachKindOfWrite() throws SQLException {
        Assumptions.assumeFalse(database.isCockroachDb(),
                "the fault is injected with a deferred constraint trigger (CONSTRAINT TRIGGER ... DEFERRABLE),"
                        + " which CockroachDB does not have; CommitFailureTest injects 40001 at COMMIT there");
        BankState.clear(database);
        // A sequence counts the trigger's calls: nextval is not rolled back with the failed attempt.
        Sql.execute(database, "CREATE SEQUENCE fail_once_insert",
                "CREATE SEQUENCE fail_once_update",
                "CREATE SEQUENCE fail_once_delete",
                """
                CREATE FUNCTION fail_first_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF nextval('fail_once_' || lower(TG_OP)) = 1 THEN
                    RAISE EXCEPTION 'injected: first % commit fails', TG_OP USING ERRCODE = '40001';
                  END IF;
                  RETURN NULL;
                END $$""",
                """
                CREATE CONSTRAINT TRIGGER fail_first_commit AFTER INSERT OR UPDATE OR DELETE ON accounts
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_first_commit()""");
    }

    @AfterEach
    void removeTheFault() throws SQLException {
        if (!database.isCockroachDb()) {
            Sql.execute(database, "DROP TRIGGER IF EXISTS fail_first_commit ON accounts",
                    "DROP FUNCTION IF EXISTS fail_first_commit()",
                    "DROP SEQUENCE IF EXISTS fail_once_insert, fail_once_update, fail_once_delete");
        }
    }

    @Test
    void everyStepRetriedOnceStillPrintsEachLineOnceAndMatchesTheTable() throws SQLException {
        LessonOutput output = LessonOutput.crud(database, new Random(8));

        // One failed attempt (the first nextval) plus one row-by-row pass of the attempt that committed.
        assertThat(lastValue("fail_once_insert")).isEqualTo(1 + 100);
        assertThat(lastValue("fail_once_update")).isEqualTo(1 + 2);
        assertThat(lastValue("fail_once_delete")).isEqualTo(1 + 5);

        assertThat(output.lines()).filteredOn(l -> l.startsWith("Created new account")).hasSize(100);
        assertThat(output.lines()).filteredOn(l -> l.startsWith("Transferring")).hasSize(1);
        assertThat(output.lines()).filteredOn(l -> l.startsWith("Deleted account")).hasSize(5);
        assertThat(output.lines()).last().isEqualTo("Accounts in the table: 95");

        Map<UUID, Long> expected = new HashMap<>(output.created());
        CompletedTransfer transfer = output.transfer();
        expected.put(transfer.source().id(), transfer.sourceBalanceAfter());
        expected.put(transfer.destination().id(), transfer.destinationBalanceAfter());
        output.deleted().forEach(expected::remove);
        assertThat(BankState.balances(database)).isEqualTo(expected);
    }

    private long lastValue(String sequence) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT last_value FROM " + sequence)) {
            rs.next();
            long value = rs.getLong(1);
            connection.commit();
            return value;
        }
    }
}
