package crdb.workshop.springboot.transfer;

import java.util.UUID;

/** What {@code POST /transfers} answers, the first time and every time the same key is sent again. */
public record TransferReceipt(UUID transferId, UUID from, UUID to, long amount) {

    static TransferReceipt of(UUID transferId, TransferRequest transfer) {
        return new TransferReceipt(transferId, transfer.from(), transfer.to(), transfer.amount());
    }
}
