package crdb.workshop.common.retry;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a start-up step (detecting the database, building the pool, a schema script) again when
 * its connection was lost, as the RetryExecutor runs a transaction again, within the run's one
 * {@link GiveUpTime}: a backend terminated while a lesson starts does not end the lesson. A
 * connection that could not be opened at all (a wrong host, port or password) fails at once.
 * The steps must be safe to run twice; dbinit.sql and the lessons' schema scripts are.
 */
public final class StartUpRetry {

    /** The connection was ended or lost (57P01, 08006, 08003), or the server refused it for now. */
    private static final Set<String> AGAIN = Set.of("57P01", "08006", "08003", "57P03", "53300", "40001", "40P01");

    /** One step; it may throw what JDBC, HikariCP or MyBatis throw. */
    @FunctionalInterface
    public interface Step<T, E extends Exception> {
        T run() throws E;
    }

    private StartUpRetry() {
    }

    public static <T, E extends Exception> T run(GiveUpTime giveUpTime, Step<T, E> step) throws E {
        Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 2.0);
        for (int attempt = 1; ; attempt++) {
            long began = giveUpTime.now();
            try {
                T result = step.run();
                giveUpTime.answered();
                return result;
            } catch (Exception e) {
                String state = FailureClassifier.sqlState(e);
                if (state == null || !AGAIN.contains(state)) {
                    throw e;
                }
                giveUpTime.noAnswer(began, state);
                Duration delay = backoff.delay(attempt, ThreadLocalRandom.current());
                if (!giveUpTime.allowsAttemptAfter(delay)) {
                    throw e;
                }
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(interrupted);
                    throw e;
                }
            }
        }
    }
}
