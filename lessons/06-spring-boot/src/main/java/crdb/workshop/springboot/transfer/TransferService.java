package crdb.workshop.springboot.transfer;

import crdb.workshop.springboot.retry.TransactionRetry;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Transfers money, each transfer applied once however often it is sent: the client names it with
 * its Idempotency-Key, which becomes the transfer's id in the transfers table. What can be refused
 * without the database is refused before any transaction begins.
 */
@Service
public class TransferService {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final TransactionRetry retry;
    private final Ledger ledger;

    public TransferService(TransactionRetry retry, Ledger ledger) {
        this.retry = retry;
        this.ledger = ledger;
    }

    // tag::transfer[]
    public TransferOutcome transfer(String idempotencyKey, TransferRequest transfer) {
        UUID transferId = transferId(idempotencyKey);
        check(transfer);
        return retry.inIdempotentTransaction(() -> ledger.record(transferId, transfer));
    }
    // end::transfer[]

    /**
     * The key as a transfer id. The IETF draft "The Idempotency-Key HTTP Header Field" sends it as
     * a quoted string; plain is accepted too. We ask for a UUID, as the draft recommends.
     */
    static UUID transferId(String key) {
        if (key == null || key.isBlank()) {
            throw TransferRefusedException.missingKey();
        }
        String text = key.strip();
        if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        if (!UUID_TEXT.matcher(text).matches()) {
            throw TransferRefusedException.invalidKey(key);
        }
        return UUID.fromString(text);
    }

    static void check(TransferRequest transfer) {
        if (transfer.from() == null) {
            throw TransferRefusedException.missingAccount("from");
        }
        if (transfer.to() == null) {
            throw TransferRefusedException.missingAccount("to");
        }
        if (transfer.amount() <= 0) {
            throw TransferRefusedException.invalidAmount(transfer.amount());
        }
        if (transfer.from().equals(transfer.to())) {
            throw TransferRefusedException.sameAccount(transfer.from());
        }
    }
}
