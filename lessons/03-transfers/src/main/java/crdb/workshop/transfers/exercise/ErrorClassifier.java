package crdb.workshop.transfers.exercise;

/** Exercise 03, part B: the decision at the heart of every retry loop. */
public interface ErrorClassifier {

    enum Verdict {
        /** Nothing was committed, and another attempt may succeed: run the whole unit again. */
        RETRY,
        /** COMMIT was sent and no definite answer came back: it may or may not have been applied. */
        AMBIGUOUS,
        /** Another attempt would fail the same way (or it is not the database's error): give up. */
        FATAL
    }

    /**
     * @param failure    what the attempt threw (MyBatis wraps the driver's SQLException)
     * @param commitSent false if it failed before COMMIT was sent; true if it failed while
     *                   waiting for COMMIT's answer
     */
    Verdict classify(Throwable failure, boolean commitSent);
}
