package crdb.workshop.transfers;

import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.transfers.mapper.TransferRecordMapper;
import java.util.Objects;
import java.util.UUID;

/**
 * Transfers money with a strategy, each transfer in one transaction run by the RetryExecutor,
 * and each applied exactly once: the client names every transfer with an id of its own, and the
 * transaction records that id in the transfers table as it moves the money.
 *
 * <p>That is what makes it safe to run again after an ambiguous COMMIT (the executor does, for
 * {@code inIdempotentTransaction}) or after a caller lost the answer and sent it again: if the
 * earlier COMMIT went through, the row is there, and the transfer does nothing.
 */
public final class IdempotentTransfers {

    private final RetryExecutor retry;
    private final TransferStrategy strategy;

    public IdempotentTransfers(RetryExecutor retry, TransferStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        // The strategy's isolation is part of its guarantee: the executor states it on every transaction.
        this.retry = Objects.requireNonNull(retry, "retry").withIsolation(strategy.isolation(retry.databaseId()));
    }

    /**
     * Applies {@code transfer} under {@code transferId}, unless it was applied already.
     *
     * @return true if this call moved the money; false if the transfers table already held
     *         {@code transferId} (sent before, or an earlier attempt of this call committed
     *         although its answer was lost)
     * @throws TransferDeclinedException for an unknown account, insufficient funds, or an id
     *         used before for a different transfer; nothing was written
     */
    // tag::transfer[]
    public boolean transfer(UUID transferId, Transfer transfer) {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(transfer, "transfer");
        return retry.inIdempotentTransaction(session -> {
            TransferRecordMapper records = session.getMapper(TransferRecordMapper.class);
            if (records.insertIfAbsent(transferId, transfer) == 0) {
                Transfer recorded = records.findById(transferId);
                if (!transfer.equals(recorded)) {
                    throw TransferDeclinedException.idReused(transferId, recorded);
                }
                return false; // applied already: the money moved when this row was written
            }
            strategy.transfer(session, transfer);
            return true;
        });
    }
    // end::transfer[]
}
