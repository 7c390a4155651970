package crdb.workshop.springboot.mistakes;

import crdb.workshop.springboot.transfer.Ledger;
import crdb.workshop.springboot.transfer.TransferOutcome;
import crdb.workshop.springboot.transfer.TransferRequest;
import java.util.UUID;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classic mistake 2, on purpose: self-invocation. The retry is outside and {@code record} is
 * {@code @Transactional}, which looks right; but {@code record} is called on {@code this}, not
 * through Spring's proxy, so no transaction begins. Every statement commits on its own: a refused
 * transfer keeps its debit, and a retry finds its own half-done transfer and calls it done.
 */
public class SelfInvokingTransfers {

    private final RetryTemplate retries;
    private final Ledger ledger;

    public SelfInvokingTransfers(RetryTemplate retries, Ledger ledger) {
        this.retries = retries;
        this.ledger = ledger;
    }

    // tag::self-invocation[]
    public TransferOutcome transfer(UUID key, TransferRequest transfer) {
        return retries.invoke(() -> record(key, transfer)); // WRONG: this.record(...) bypasses the proxy
    }

    @Transactional
    public TransferOutcome record(UUID key, TransferRequest transfer) {
        return ledger.record(key, transfer);
    }
    // end::self-invocation[]
}
