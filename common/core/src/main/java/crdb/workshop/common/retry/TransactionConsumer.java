package crdb.workshop.common.retry;

import org.apache.ibatis.session.SqlSession;

/** A {@link TransactionCallback} that returns nothing. The same rules apply. */
@FunctionalInterface
public interface TransactionConsumer {

    void useSession(SqlSession session);
}
