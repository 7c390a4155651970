package crdb.workshop.springboot.transfer;

import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.springboot.mapper.LedgerMapper;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * One attempt at a transfer, inside a transaction that its caller opened (and retries). It
 * records the transfer under the client's id and moves the money, or finds that id recorded
 * already and moves nothing. Refusing means throwing, which rolls back everything it wrote.
 */
@Component
public class Ledger {

    private final LedgerMapper ledger;
    private final AccountMapper accounts;

    public Ledger(LedgerMapper ledger, AccountMapper accounts) {
        this.ledger = ledger;
        this.accounts = accounts;
    }

    // tag::record[]
    public TransferOutcome record(UUID transferId, TransferRequest transfer) {
        if (ledger.insertIfAbsent(transferId, transfer) == 0) {
            TransferRequest first = ledger.findTransfer(transferId);
            if (!transfer.equals(first)) {
                throw TransferRefusedException.keyReused(transferId, first);
            }
            // Sent before (or an earlier attempt committed): the money moved when that row was written.
            return new TransferOutcome(TransferReceipt.of(transferId, first), true);
        }
        if (ledger.debit(transfer.from(), transfer.amount()) == 0) {
            Account source = accounts.findById(transfer.from());
            throw source == null
                    ? TransferRefusedException.unknownAccount(transfer.from())
                    : TransferRefusedException.insufficientFunds(source.id(), source.balance(), transfer.amount());
        }
        if (ledger.credit(transfer.to(), transfer.amount()) == 0) {
            throw TransferRefusedException.unknownAccount(transfer.to()); // rolls back the debit and the row
        }
        return new TransferOutcome(TransferReceipt.of(transferId, transfer), false);
    }
    // end::record[]
}
