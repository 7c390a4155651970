package crdb.workshop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.SilentProxy;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The pool gives no connection in time because the server went silent while the pool was logging
 * in a new one: HikariCP's timeout then has no SQLSTATE. It is retried like any lost connection,
 * until the give-up time, with progress lines. Before, it was "not ours to judge" and ended the
 * unit at once, a quarter of the give-up time in (.ci/sweep-on-postgres found it on lesson 01).
 */
@DatabaseTest
class PoolTimeoutTest {

    // G/4 = 750 ms of pool wait, shorter than the pool's 1 s login timeout (whole seconds): the first
    // wait ends while the pool's login still hangs, so no failed login has given it a SQLSTATE.
    private static final Duration GIVE_UP = Duration.ofSeconds(3);

    @Test
    void aPoolTimeoutWhileTheServerIsSilentIsRetriedUntilTheGiveUpTime(Database database) throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        try (SilentProxy proxy = SilentProxy.start(database.settings());
             Database proxied = Database.open(proxy.route(database.settings()), GIVE_UP, progress::add)) {
            RetryExecutor retry = RetryExecutor.withDefaults(proxied.sessionFactory());
            retry.inReadOnlyTransaction(session -> session.getMapper(AccountMapper.class).count()); // a pooled connection
            proxy.goSilent();
            // The pool's connections go; the new one it opens hangs at login behind the silent proxy.
            ((HikariDataSource) proxied.dataSource()).getHikariPoolMXBean().softEvictConnections();
            long silentSince = System.nanoTime();

            Throwable failure = catchThrowable(() ->
                    retry.inReadOnlyTransaction(session -> session.getMapper(AccountMapper.class).count()));
            Duration afterSilence = Duration.ofNanos(System.nanoTime() - silentSince);

            assertThat(failure).isInstanceOf(RetriesExhaustedException.class);
            assertThat(everyThrowableIn(failure)).as("an attempt met the pool's time-out")
                    .anyMatch(t -> t instanceof SQLTransientConnectionException);
            assertThat(afterSilence).isGreaterThanOrEqualTo(GIVE_UP.multipliedBy(3).dividedBy(4))
                    .isLessThan(GIVE_UP.plusSeconds(5));
            assertThat(progress).isNotEmpty().allMatch(line -> line.startsWith("Waiting for the database: no answer"));
        }
    }

    private static List<Throwable> everyThrowableIn(Throwable failure) {
        List<Throwable> all = new CopyOnWriteArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>(List.of(failure));
        while (!todo.isEmpty() && all.size() < 1000) {
            Throwable t = todo.pop();
            all.add(t);
            if (t.getCause() != null && !all.contains(t.getCause())) {
                todo.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                todo.push(suppressed);
            }
        }
        return all;
    }
}
