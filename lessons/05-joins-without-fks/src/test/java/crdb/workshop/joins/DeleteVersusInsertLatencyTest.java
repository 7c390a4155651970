package crdb.workshop.joins;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ReadCommittedDefault;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The delete-versus-insert race with a server in another region: 100 ms added each way (200 ms a
 * round trip) by a proxy on loopback. It completes, every placed order goes with its customer, and
 * no orphan is left, on a server whose default is SERIALIZABLE and on one whose default is READ
 * COMMITTED.
 */
@DatabaseTest
@Timeout(300)
class DeleteVersusInsertLatencyTest {

    private static final Duration EACH_WAY = Duration.ofMillis(100);
    private static final int INSERTERS = 4;
    private static final int ORDERS_EACH = 25;

    @Test
    void theRaceCompletesWithoutOrphansAtTwoHundredMillisecondsARoundTrip(Database database) throws Exception {
        raceFarAway(database, "the server's default isolation");
        try (ReadCommittedDefault readCommittedDefault = ReadCommittedDefault.open(database)) {
            raceFarAway(readCommittedDefault.database(), "a READ COMMITTED default");
        }
    }

    private static void raceFarAway(Database database, String label) throws Exception {
        LessonTables tables = LessonTables.reset(database);
        try (LatencyProxy proxy = LatencyProxy.start(database.settings(), EACH_WAY);
             Database farAway = Database.open(proxy.route(database.settings()))) {
            for (int round = 1; round <= 1; round++) {
                long start = System.nanoTime();
                DeleteVersusInsertRace.Outcome race = DeleteVersusInsertRace.run(
                        farAway.sessionFactory(), INSERTERS, ORDERS_EACH, Duration.ofSeconds(120));
                System.out.printf("Race at %d ms each way, %s, round %d: %s in %d ms%n", EACH_WAY.toMillis(), label,
                        round, race, (System.nanoTime() - start) / 1_000_000);

                assertThat(race.placed() + race.refused()).as("every attempt placed or refused")
                        .isEqualTo(INSERTERS * ORDERS_EACH);
                assertThat(race.ordersDeleted()).as("every placed order went with its customer").isEqualTo(race.placed());
                assertThat(tables.orphans()).as("orphans with %s, round %d", label, round).isEmpty();
                assertThat(tables.orderCount()).isZero();
            }
        }
    }
}
