package crdb.workshop.common.retry;

import java.time.Duration;

/**
 * Hooks for watching the executor work: lessons print retries, tests and benchmarks count them.
 * They run on the caller's thread, between attempts; keep them quick and make them not throw.
 */
public interface RetryListener {

    /** Attempt {@code attempt} (1-based) is about to open its transaction. */
    default void attemptStarted(int attempt) {
    }

    /**
     * Attempt {@code attempt} failed with a retryable error ({@code sqlState}, e.g. "40001"; for an
     * idempotent unit also an unknown COMMIT outcome) and was rolled back; the next attempt starts
     * after {@code delay}.
     */
    default void retrying(int attempt, Duration delay, String sqlState, Throwable cause) {
    }

    /** The unit of work committed on attempt {@code attempts}. */
    default void succeeded(int attempts) {
    }

    /**
     * The call ends in failure after {@code attempts} attempts: {@code failure} is thrown next. Called
     * for every kind of failure: retries exhausted, deadline, interrupt, ambiguous commit, and errors
     * that are never retried.
     */
    default void gaveUp(int attempts, Throwable failure) {
    }

    RetryListener NONE = new RetryListener() {
    };
}
