package crdb.workshop.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.BackendTerminator;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.PrintedOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The lesson while {@code pg_terminate_backend} ends its connections at random moments: every
 * run still prints the tutorial's transfer, once, and deletes its accounts. Before, a killed
 * connection ended the lesson with "Connection is closed" (Spring's failed rollback in place of
 * the failure that caused it). It runs the lesson until at least three kills landed in it.
 */
@DatabaseTest
class LessonUnderKilledConnectionsTest {

    @Test
    void killedConnectionsAreRetriedAndEachRunCompletesAndCleansUp(Database database) throws Exception {
        assumeFalse(database.isCockroachDb(), "pg_terminate_backend is PostgreSQL's");
        int runs = 0;
        List<UUID> ids = new ArrayList<>();
        try (BackendTerminator terminator = BackendTerminator.start(database, 3, 400)) {
            while (terminator.terminations() < 3 && runs < 15) {
                String printed = PrintedOutput.of(database, SpringBootLesson::run);
                runs++;

                assertThat(printed).contains("201 Created, Idempotent-Replayed: false")
                        .contains("201 Created, Idempotent-Replayed: true").contains("balance: $900")
                        .contains("balance: $350");
                Pattern.compile("account id: ([0-9a-f-]{36})").matcher(printed).results()
                        .map(m -> UUID.fromString(m.group(1))).distinct().forEach(ids::add);
            }
            assertThat(terminator.terminations()).as("kills that landed in %d runs", runs).isGreaterThanOrEqualTo(3);
        }
        assertThat(ids).hasSize(2 * runs);
        List<Account> left = RetryExecutor.withDefaults(database.sessionFactory()).inReadOnlyTransaction(session ->
                session.getMapper(AccountMapper.class).findByIds(ids));
        assertThat(left).as("accounts the runs left").isEmpty();
    }
}
