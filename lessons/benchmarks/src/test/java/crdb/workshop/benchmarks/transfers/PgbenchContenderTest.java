package crdb.workshop.benchmarks.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import crdb.workshop.benchmarks.BenchmarkSchema;
import crdb.workshop.benchmarks.transfers.load.Contender;
import crdb.workshop.benchmarks.transfers.load.LoadResult;
import crdb.workshop.benchmarks.transfers.load.LoadRunner;
import crdb.workshop.benchmarks.transfers.load.LoadShape;
import crdb.workshop.benchmarks.transfers.load.Workload;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ReadCommittedDefault;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pgbench sends each strategy's SQL at the isolation the lesson's strategy states, whatever the
 * server's default: on a database whose default is READ COMMITTED (plain PostgreSQL's), eight
 * clients fighting over two accounts keep the books, read-modify-write included (at READ
 * COMMITTED it would lose updates).
 */
@DatabaseTest
@Timeout(300)
class PgbenchContenderTest {

    private final Database database;

    PgbenchContenderTest(Database database) {
        this.database = database;
    }

    @ParameterizedTest
    @ValueSource(strings = {Contender.READ_MODIFY_WRITE, Contender.SELECT_FOR_UPDATE, Contender.SINGLE_STATEMENT})
    void pgbenchKeepsTheBooksOnAReadCommittedDefault(String strategy, @TempDir Path dir) throws Exception {
        try (ReadCommittedDefault readCommitted = ReadCommittedDefault.open(database);
             BenchmarkSchema schema = BenchmarkSchema.create(readCommitted.database(), "pgbench_test",
                     "crdb/workshop/transfers/schema.sql")) {
            assertThat(ReadCommittedDefault.plainConnectionIsolation(schema.database().settings()))
                    .as("what a connection gets unless told otherwise").isEqualToIgnoringCase("read committed");
            StringBuilder why = new StringBuilder();
            Optional<Pgbench> pgbench = Pgbench.find(schema.database(), dir, why);
            assumeTrue(pgbench.isPresent(), "pgbench not run: " + why);
            LoadRunner runner = new LoadRunner(schema.database());
            Workload hotSpot = Workload.plan(new LoadShape(8, 30, 2, 1.0, 1_000_000, 100), 3);

            LoadResult result = pgbench.get().run(Contender.pgbench(strategy), hotSpot, 50, runner);

            assertThat(result.invariants().problems()).isEmpty();
            assertThat(result.committed()).as("transfers that moved money").isPositive();
        }
    }
}
