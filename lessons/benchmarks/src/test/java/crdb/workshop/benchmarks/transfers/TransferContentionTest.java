package crdb.workshop.benchmarks.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.benchmarks.transfers.load.Contender;
import crdb.workshop.benchmarks.transfers.load.LoadResult;
import crdb.workshop.benchmarks.transfers.load.LoadRunner;
import crdb.workshop.benchmarks.transfers.load.LoadShape;
import crdb.workshop.benchmarks.transfers.load.RetrySettings;
import crdb.workshop.benchmarks.transfers.load.Workload;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real concurrency on the real database: many threads moving money between few accounts, so
 * transactions conflict, the database aborts some, and the retries must leave the books right.
 */
@DatabaseTest
@Timeout(300)
class TransferContentionTest {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);

    /** Quick retries, and many of them: a test waits little, and contention never exhausts them. */
    private static final RetrySettings FAST_RETRIES = new RetrySettings(50, Duration.ofMillis(1),
            Duration.ofMillis(50));

    private final Database database;
    private final LoadRunner runner;

    TransferContentionTest(Database database) {
        this.database = database;
        this.runner = new LoadRunner(database);
    }

    /** Every strategy, through MyBatis and as its JDBC baseline. */
    static Stream<Arguments> contenders() {
        return Stream.of(Contender.READ_MODIFY_WRITE, Contender.SELECT_FOR_UPDATE, Contender.SINGLE_STATEMENT)
                .flatMap(strategy -> Stream.of(Arguments.of(strategy, false), Arguments.of(strategy, true)));
    }

    private Contender contender(String strategy, boolean jdbc) {
        return Contender.all(database, FAST_RETRIES).stream()
                .filter(c -> c.strategy().equals(strategy) && c.jdbc() == jdbc).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}, JDBC: {1}")
    @MethodSource("contenders")
    void everyStrategyKeepsTheInvariantsUnderConcurrency(String strategy, boolean jdbc) throws Exception {
        // Six threads over six accounts, half the transfers between the two hot ones; balances low
        // enough that some transfers are refused for lack of funds while others are in flight.
        Workload workload = Workload.plan(new LoadShape(6, 40, 6, 0.5, 300, 100), 7);

        LoadResult result = runner.run(contender(strategy, jdbc), workload, TIME_LIMIT);

        assertThat(result.invariants().problems()).isEmpty();
        assertThat(result.errors()).as("failures other than refusals").isEmpty();
        assertThat(result.notRun()).isZero();
        long refused = result.refused().values().stream().mapToLong(Long::longValue).sum();
        assertThat(result.committed() + refused).isEqualTo(workload.size());
        assertThat(result.refused().keySet()).isSubsetOf("insufficient funds");
        assertThat(result.committed()).isPositive();
        runner.clean(workload);
    }

    // tag::hot-spot[]
    @Test
    void underAHotSpotSelectForUpdateNeedsFarFewerRetriesThanReadModifyWrite() throws Exception {
        LoadShape hotSpot = new LoadShape(8, 40, 2, 1.0, 1_000_000, 100); // 8 threads, 2 accounts
        long readModifyWrite = 0;
        long forUpdate = 0;
        // Bounded: more rounds only if this machine produced too few conflicts to compare.
        for (int round = 0; round < 5 && readModifyWrite < 20; round++) {
            Workload workload = Workload.plan(hotSpot, round);
            LoadResult a = runner.run(contender(Contender.READ_MODIFY_WRITE, false), workload, TIME_LIMIT);
            LoadResult b = runner.run(contender(Contender.SELECT_FOR_UPDATE, false), workload, TIME_LIMIT);
            assertThat(a.invariants().problems()).isEmpty();
            assertThat(b.invariants().problems()).isEmpty();
            assertThat(a.retriesByState().keySet()).as("no deadlocks: writes in id order").isSubsetOf("40001");
            readModifyWrite += a.retries();
            forUpdate += b.retries();
        }
        System.out.printf("Hot spot: read-modify-write retried %d times, SELECT FOR UPDATE %d times%n",
                readModifyWrite, forUpdate);

        assertThat(readModifyWrite).as("retries of read-modify-write").isGreaterThanOrEqualTo(20);
        assertThat(forUpdate * 3).as("3 x retries of SELECT FOR UPDATE").isLessThanOrEqualTo(readModifyWrite);
    }
    // end::hot-spot[]
}
