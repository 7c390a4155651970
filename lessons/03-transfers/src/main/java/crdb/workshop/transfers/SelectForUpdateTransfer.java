package crdb.workshop.transfers;

import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.retry.Isolation;
import crdb.workshop.transfers.mapper.TransferMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.ibatis.session.SqlSession;

/**
 * Strategy (b): lock both accounts ({@code SELECT ... FOR UPDATE}) in id order before reading
 * them. A second transfer on the same account waits at the lock instead of reading a balance that
 * is about to change; when its turn comes it reads the new one. Overlapping transfers queue
 * instead of aborting each other.
 */
public final class SelectForUpdateTransfer implements TransferStrategy {

    // tag::configure[]
    /**
     * On CockroachDB the transaction stays SERIALIZABLE: one that waited for a lock carries on
     * from the new value. PostgreSQL aborts a SERIALIZABLE transaction that waited for a row that
     * the lock holder changed (40001 "could not serialize access due to concurrent update"), so
     * there it runs READ COMMITTED. That is safe here: every balance it reads, it has locked first,
     * and the transfers row is claimed with INSERT ... ON CONFLICT, which is atomic at any level.
     */
    @Override
    public Isolation isolation(String databaseId) {
        return "postgresql".equals(databaseId) ? Isolation.READ_COMMITTED : Isolation.SERIALIZABLE;
    }
    // end::configure[]

    // tag::transfer[]
    @Override
    public void transfer(SqlSession session, Transfer transfer) {
        TransferMapper accounts = session.getMapper(TransferMapper.class);
        Map<UUID, Account> locked = new HashMap<>();
        // Always in id order, whichever way the money goes: two transfers never wait on each other in a cycle.
        Stream.of(transfer.from(), transfer.to()).sorted(LockOrder.BY_ID)
                .forEach(id -> locked.put(id, accounts.lockAccount(id)));
        transfer.checkAgainst(locked.get(transfer.from()), locked.get(transfer.to()));
        accounts.addToBalance(transfer.from(), -transfer.amount());
        accounts.addToBalance(transfer.to(), transfer.amount());
    }
    // end::transfer[]
}
