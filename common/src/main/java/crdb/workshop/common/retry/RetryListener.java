package crdb.workshop.common.retry;

import java.time.Duration;

/** Hooks for watching the executor work: lessons print retries, benchmarks count them. */
public interface RetryListener {

    /** Attempt {@code attempt} (1-based) is about to open its transaction. */
    default void attemptStarted(int attempt) {
    }

    /** Attempt {@code attempt} failed with a retryable error; the next starts after {@code delay}. */
    default void retrying(int attempt, Duration delay, String sqlState, Throwable cause) {
    }

    /** The unit of work committed on attempt {@code attempts}. */
    default void succeeded(int attempts) {
    }

    /** The executor stopped retrying after {@code attempts} attempts; {@code failure} is thrown next. */
    default void gaveUp(int attempts, Throwable failure) {
    }

    RetryListener NONE = new RetryListener() {
    };
}
