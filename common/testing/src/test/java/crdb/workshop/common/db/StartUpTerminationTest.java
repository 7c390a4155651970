package crdb.workshop.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.BackendTerminator;
import crdb.workshop.common.testing.DatabaseTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Start-up (detecting the database, building the pool, dbinit.sql) is retried within the give-up
 * time like any transaction: backends terminated with pg_terminate_backend while databases open
 * end no start-up. PostgreSQL's function; skipped on CockroachDB.
 */
@DatabaseTest
class StartUpTerminationTest {

    private final Database database;

    StartUpTerminationTest(Database database) {
        this.database = database;
    }

    @Test
    void backendsTerminatedDuringStartUpAreRetriedNotFatal() throws Exception {
        assumeFalse(database.isCockroachDb(), "pg_terminate_backend is PostgreSQL's");
        List<String> waits = new CopyOnWriteArrayList<>();
        int opened = 0;
        try (BackendTerminator terminator = BackendTerminator.start(database, 1_000, 15)) {
            // Until a termination has hit a start-up step (it then says it waits), at most 60 starts. It
            // shows as 57P01, or as the lost (08006) or already closed (08003) connection it leaves.
            while (opened < 60 && waits.isEmpty()) {
                try (Database started = Database.open(database.settings(), Duration.ofSeconds(30), waits::add)) {
                    started.applySchema();
                    started.applySchema();
                    long accounts = RetryExecutor.withDefaults(started.sessionFactory())
                            .inReadOnlyTransaction(session -> session.getMapper(AccountMapper.class).count());
                    assertThat(accounts).isNotNegative();
                }
                opened++;
            }
            assertThat(terminator.terminations()).isPositive();
        }

        assertThat(waits).as("a start-up step that lost its connection and was retried").isNotEmpty();
        assertThat(waits.get(0)).startsWith("Waiting for the database: no answer for ").containsPattern("57P01|08006|08003");
    }
}
