package crdb.workshop.transfers;

import crdb.workshop.common.retry.Isolation;
import org.apache.ibatis.session.SqlSession;

/**
 * One way to move money inside the caller's transaction. The caller owns the transaction (and
 * its retries); a strategy only issues statements, and throws {@link
 * crdb.workshop.common.WorkshopException} to refuse a transfer, which rolls everything back.
 */
// tag::strategy[]
public interface TransferStrategy {

    /**
     * The isolation level this strategy's transactions need on the database named {@code
     * databaseId} ("postgresql" or "cockroachdb"). The executor states it when the transaction
     * begins. Most need SERIALIZABLE, the default.
     */
    default Isolation isolation(String databaseId) {
        return Isolation.SERIALIZABLE;
    }

    void transfer(SqlSession session, Transfer transfer);
}
// end::strategy[]
