package crdb.workshop.springboot.transfer;

import crdb.workshop.common.mapper.Account;
import crdb.workshop.springboot.mapper.LedgerMapper;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.ibatis.session.SqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * One attempt at a transfer, inside a transaction that its caller opened (and retries). It
 * records the transfer under the client's id, locks both accounts in id order, and moves the
 * money; or finds that id recorded already and moves nothing. Refusing means throwing, which
 * rolls back everything it wrote.
 */
@Component
public class Ledger {

    /**
     * Lesson 03's lock order: by id as the database sorts UUIDs (byte by byte, unsigned), which
     * {@link UUID#compareTo} does not. Two transfers that lock in one order never deadlock.
     */
    private static final Comparator<UUID> LOCK_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private final LedgerMapper ledger;
    private final boolean readCommitted;

    public Ledger(LedgerMapper ledger, SqlSessionFactory sessions) {
        this.ledger = ledger;
        this.readCommitted = readCommitted(sessions.getConfiguration().getDatabaseId());
    }

    // tag::isolation[]
    /**
     * CockroachDB: SERIALIZABLE, and a transaction that waited for a lock carries on from the new
     * value. PostgreSQL aborts a SERIALIZABLE waiter whose row changed (40001), so there: READ
     * COMMITTED, safe as every balance read is locked first and the row is claimed with ON CONFLICT.
     */
    static boolean readCommitted(String databaseId) {
        return "postgresql".equals(databaseId);
    }
    // end::isolation[]

    // tag::record[]
    public TransferOutcome record(UUID transferId, TransferRequest transfer) {
        if (readCommitted) {
            ledger.readCommitted(); // must be the transaction's first statement
        }
        if (ledger.insertIfAbsent(transferId, transfer) == 0) {
            TransferRequest first = ledger.findTransfer(transferId);
            if (!transfer.equals(first)) {
                throw TransferRefusedException.keyReused(transferId, first);
            }
            // Sent before (or an earlier attempt committed): the money moved when that row was written.
            return new TransferOutcome(TransferReceipt.of(transferId, first), true);
        }
        // Both accounts locked in id order, whichever way the money goes, before reading either.
        Map<UUID, Account> locked = new HashMap<>();
        Stream.of(transfer.from(), transfer.to()).sorted(LOCK_ORDER)
                .forEach(id -> locked.put(id, ledger.lockAccount(id)));
        Account source = locked.get(transfer.from());
        Account target = locked.get(transfer.to());
        if (source == null) {
            throw TransferRefusedException.unknownAccount(transfer.from());
        }
        if (source.balance() < transfer.amount()) {
            throw TransferRefusedException.insufficientFunds(source.id(), source.balance(), transfer.amount());
        }
        if (target == null) {
            throw TransferRefusedException.unknownAccount(transfer.to()); // rolls back the row
        }
        ledger.debit(transfer.from(), transfer.amount());
        ledger.credit(transfer.to(), transfer.amount());
        return new TransferOutcome(TransferReceipt.of(transferId, transfer), false);
    }
    // end::record[]
}
