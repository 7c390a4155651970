package crdb.workshop.common.retry;

import org.apache.ibatis.session.SqlSession;

/**
 * A unit of work that {@link RetryExecutor} runs in one transaction, and runs again from the
 * start when the database asks for a retry. It may run more than once, so it must not change
 * anything outside the database (no adding to lists, no printing "done"): return what you need
 * and act on it after the executor returns.
 */
@FunctionalInterface
public interface TransactionCallback<T> {

    /**
     * @param session a fresh session for this attempt; take mappers from it. Do not commit, roll
     *                back or close it: the executor does that, and refuses if you try.
     */
    T doInTransaction(SqlSession session);
}
