package crdb.workshop.common.retry;

/** How the executor starts an attempt again after a retryable error. */
public enum RetryProtocol {

    /**
     * Roll back, give the connection back to the pool, and run the whole unit again in a new
     * transaction. Works on every database; the default.
     */
    FULL_RESTART,

    /**
     * CockroachDB only: {@code SAVEPOINT cockroach_restart} right after BEGIN, {@code ROLLBACK TO
     * SAVEPOINT cockroach_restart} on a retryable error, {@code RELEASE SAVEPOINT cockroach_restart}
     * to commit. The transaction keeps its place in line (and its rising priority) between attempts.
     * See CockroachDB's "Advanced client-side transaction retries".
     */
    COCKROACH_SAVEPOINT
}
