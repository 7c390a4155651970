package crdb.workshop.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.db.ServerAddress;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.settings.Settings;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.SilentProxy;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * One give-up time G bounds a whole lesson run, cleanup included: with the server gone silent
 * behind a real loopback proxy, a lesson making several calls gives up within G + 5 s, says so
 * while it waits, and ends with one line.
 */
@DatabaseTest
class GiveUpTimeTest {

    private static final int GIVE_UP_SECONDS = 3;

    private final Database database;

    GiveUpTimeTest(Database database) {
        this.database = database;
    }

    @Test
    void lessonWhoseServerWentSilentGivesUpWithinTheGiveUpTimeCleanupIncluded() throws Exception {
        try (SilentProxy proxy = SilentProxy.start(database.settings())) {
            ServerAddress address = ServerAddress.of(database);
            String url = new ServerAddress(proxy.hostAndPort(), address.driverProperties())
                    .url(ServerAddress.databaseName(database));
            Map<String, String> env = Map.of("DATABASE_URL", url,
                    "WORKSHOP_GIVE_UP_SECONDS", Integer.toString(GIVE_UP_SECONDS));
            long[] silentSince = new long[1];
            long[] answeredBefore = new long[1];

            CapturedRun run = CapturedRun.of(() -> Settings.from(env, new Properties()), (db, out) -> {
                RetryExecutor retry = RetryExecutor.withDefaults(db.sessionFactory());
                answeredBefore[0] = retry.inTransaction(session -> session.getMapper(AccountMapper.class).count());
                proxy.goSilent();
                silentSince[0] = System.nanoTime();
                try {
                    // Two calls, as lesson 03 makes, then a cleanup: each used to wait a give-up time of its own.
                    retry.inTransaction(session -> session.getMapper(AccountMapper.class).count());
                    retry.inTransaction(session -> session.getMapper(AccountMapper.class).count());
                } finally {
                    retry.inTransaction(session -> session.getMapper(AccountMapper.class).count());
                }
            });
            Duration afterSilence = Duration.ofNanos(System.nanoTime() - silentSince[0]);

            assertThat(answeredBefore[0]).as("the lesson reached the database before it went silent").isNotNegative();
            assertThat(run.status()).isEqualTo(1);
            assertThat(afterSilence).isLessThan(Duration.ofSeconds(GIVE_UP_SECONDS + 5));
            assertThat(run.errLines()).anyMatch(line -> line.startsWith("Waiting for the database: no answer for ")
                    && line.contains(" of " + GIVE_UP_SECONDS + " s"));
            assertThat(run.errLines()).filteredOn(line -> !line.startsWith("Waiting for the database"))
                    .singleElement().asString().startsWith("Failed: ");
        }
    }
}
