package crdb.workshop.common.retry;

/**
 * How one attempt ended: committed with a result, or failed, before or after COMMIT was sent.
 *
 * @param commitSent whether the failure came once COMMIT (or RELEASE SAVEPOINT) was on its way
 */
record Outcome<T>(T result, Throwable failure, boolean commitSent) {

    static <T> Outcome<T> committed(T result) {
        return new Outcome<>(result, null, false);
    }

    static <T> Outcome<T> failed(Throwable failure, boolean commitSent) {
        return new Outcome<>(null, failure, commitSent);
    }

    boolean succeeded() {
        return failure == null;
    }
}
