package crdb.workshop.springboot.retry;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notes when the transaction manager begins to commit. A failure after that may have come while
 * COMMIT was on its way, and then nobody knows whether the transaction was applied. (Spring calls
 * beforeCommit only on the way to a commit, never before a rollback.)
 */
final class CommitWatch implements TransactionSynchronization {

    private boolean commitStarted;

    /** Registers with the transaction open on this thread; call it inside the transaction. */
    void watch() {
        TransactionSynchronizationManager.registerSynchronization(this);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        commitStarted = true;
    }

    boolean commitStarted() {
        return commitStarted;
    }
}
