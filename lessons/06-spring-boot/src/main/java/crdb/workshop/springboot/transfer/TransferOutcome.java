package crdb.workshop.springboot.transfer;

/**
 * A receipt, and whether this request moved the money ({@code replayed == false}) or found that
 * an earlier request with the same Idempotency-Key had.
 */
public record TransferOutcome(TransferReceipt receipt, boolean replayed) {
}
