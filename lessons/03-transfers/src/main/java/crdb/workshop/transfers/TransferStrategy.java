package crdb.workshop.transfers;

import org.apache.ibatis.session.SqlSession;

/**
 * One way to move money inside the caller's transaction. The caller owns the transaction (and
 * its retries); a strategy only issues statements, and throws {@link
 * crdb.workshop.common.WorkshopException} to refuse a transfer, which rolls everything back.
 */
// tag::strategy[]
public interface TransferStrategy {

    /**
     * Runs first in the transaction, before any other statement: where a strategy sets what it
     * needs of the whole transaction, such as its isolation level. Most need nothing.
     */
    default void configureTransaction(SqlSession session) {
    }

    void transfer(SqlSession session, Transfer transfer);
}
// end::strategy[]
