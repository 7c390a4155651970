package crdb.workshop.crud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.BackendTerminator;
import crdb.workshop.common.testing.DatabaseTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Lesson 02 with its backends terminated at random moments, run after run: each run ends
 * normally, prints each step once, and the table holds exactly what the output says was written.
 */
@DatabaseTest
class CrudLessonFaultTest {

    @Test
    void terminatedBackendsAtRandomMomentsLeaveTheTableAsTheOutputSays(Database database) throws Exception {
        assumeFalse(database.isCockroachDb(), "pg_terminate_backend is PostgreSQL's (CANCEL SESSION on CockroachDB)");
        BankState.clear(database);
        Map<UUID, Long> expected = new HashMap<>();
        int runs = 0;
        int terminations;
        // Pauses of up to 150 ms: kills land in every kind of moment of the first runs. Bounded by
        // time, not by a count of runs: on a quiet machine 30 runs took 0.4 s, two kills' worth.
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (BackendTerminator terminator = BackendTerminator.start(database, 10, 150)) {
            while (runs < 3 || terminator.terminations() < 10 && System.nanoTime() < giveUpAt) {
                LessonOutput output = LessonOutput.crud(database, new Random(runs)); // fails if the lesson fails
                runs++;

                assertThat(output.lines()).filteredOn(l -> l.startsWith("Created new account")).hasSize(100);
                assertThat(output.lines()).filteredOn(l -> l.startsWith("Transferring")).hasSize(1);
                assertThat(output.lines()).filteredOn(l -> l.startsWith("Deleted account")).hasSize(5);
                expected.putAll(output.created());
                CompletedTransfer transfer = output.transfer();
                expected.put(transfer.source().id(), transfer.sourceBalanceAfter());
                expected.put(transfer.destination().id(), transfer.destinationBalanceAfter());
                output.deleted().forEach(expected::remove);
                assertThat(output.lines()).last().isEqualTo("Accounts in the table: " + expected.size());
            }
            terminations = terminator.terminations();
        }
        System.out.println("CrudLessonFaultTest: " + terminations + " terminations over " + runs + " runs");

        assertThat(terminations).as("backends terminated over " + runs + " runs").isGreaterThanOrEqualTo(3);
        // Read through the executor: the pool may still hold a connection the terminator killed.
        List<Account> table = RetryExecutor.withDefaults(database.sessionFactory())
                .inReadOnlyTransaction(session -> session.getMapper(AccountMapper.class).findAll());
        assertThat(table.stream().collect(Collectors.toMap(Account::id, Account::balance))).isEqualTo(expected);
    }
}
