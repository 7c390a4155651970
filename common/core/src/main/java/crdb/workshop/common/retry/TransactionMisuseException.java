package crdb.workshop.common.retry;

/** The callback tried to commit, roll back, close the session, or nest another transaction. */
public class TransactionMisuseException extends IllegalStateException {

    public TransactionMisuseException(String message) {
        super(message);
    }
}
