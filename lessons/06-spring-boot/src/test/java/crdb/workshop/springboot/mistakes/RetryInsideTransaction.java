package crdb.workshop.springboot.mistakes;

import crdb.workshop.springboot.transfer.Ledger;
import crdb.workshop.springboot.transfer.TransferOutcome;
import crdb.workshop.springboot.transfer.TransferRequest;
import java.util.UUID;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classic mistake 1, on purpose: the retry inside the transaction. After a 40001 the transaction
 * is aborted, so every statement the retry sends fails again (25P02 on PostgreSQL), and the
 * COMMIT, where CockroachDB often reports the 40001, happens after the retry loop has returned.
 */
public class RetryInsideTransaction {

    private final RetryTemplate retries;
    private final Ledger ledger;

    public RetryInsideTransaction(RetryTemplate retries, Ledger ledger) {
        this.retries = retries;
        this.ledger = ledger;
    }

    // tag::retry-inside[]
    @Transactional
    public TransferOutcome transfer(UUID key, TransferRequest transfer) {
        return retries.invoke(() -> ledger.record(key, transfer)); // WRONG: retries inside one transaction
    }
    // end::retry-inside[]
}
