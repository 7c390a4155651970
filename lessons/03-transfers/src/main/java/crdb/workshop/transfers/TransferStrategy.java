package crdb.workshop.transfers;

import org.apache.ibatis.session.SqlSession;

/**
 * One way to move money inside the caller's transaction. The caller owns the transaction (and
 * its retries); a strategy only issues statements, and throws {@link
 * crdb.workshop.common.WorkshopException} to refuse a transfer, which rolls everything back.
 */
public interface TransferStrategy {

    void transfer(SqlSession session, Transfer transfer);
}
