package crdb.workshop.springboot.transfer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /transfers}. The answer to a request sent again with the same Idempotency-Key and
 * body is the first answer, with {@code Idempotent-Replayed: true}; nothing moves the second time.
 */
@RestController
public class TransferController {

    private final TransferService transfers;

    public TransferController(TransferService transfers) {
        this.transfers = transfers;
    }

    // tag::post[]
    @PostMapping("/transfers")
    public ResponseEntity<TransferReceipt> transfer(
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody TransferRequest transfer) {
        TransferOutcome outcome = transfers.transfer(idempotencyKey, transfer);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(outcome.receipt());
    }
    // end::post[]
}
