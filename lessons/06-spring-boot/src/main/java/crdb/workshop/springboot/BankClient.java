package crdb.workshop.springboot;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.springboot.transfer.TransferReceipt;
import crdb.workshop.springboot.transfer.TransferRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The lesson's side of the HTTP API, with Spring's RestClient. An error answer ends as one line. */
final class BankClient {

    /** The service answered 503: it retried until its give-up time, and the database never let it through. */
    static final class GaveUpException extends WorkshopException {
        GaveUpException(String message) {
            super(message);
        }
    }

    private final RestClient http;

    BankClient(String baseUrl) {
        this.http = RestClient.builder()
                .baseUrl(baseUrl)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    String detail = JsonMapper.shared().readTree(new String(response.getBody().readAllBytes(),
                            StandardCharsets.UTF_8)).path("detail").asString();
                    String line = request.getMethod() + " " + request.getURI().getPath() + " answered "
                            + response.getStatusCode() + ": " + detail;
                    throw response.getStatusCode().value() == 503 ? new GaveUpException(line)
                            : new WorkshopException(line);
                })
                .build();
    }

    Account account(UUID id) {
        return http.get().uri("/accounts/{id}", id).retrieve().body(Account.class);
    }

    // tag::post-transfer[]
    ResponseEntity<TransferReceipt> transfer(UUID idempotencyKey, TransferRequest transfer) {
        return http.post().uri("/transfers")
                .header("Idempotency-Key", idempotencyKey.toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(transfer)
                .retrieve()
                .toEntity(TransferReceipt.class);
    }
    // end::post-transfer[]

    /** "201 Created, Idempotent-Replayed: false". */
    static String describe(ResponseEntity<TransferReceipt> answer) {
        String replayed = answer.getHeaders().getFirst("Idempotent-Replayed");
        HttpStatus status = HttpStatus.valueOf(answer.getStatusCode().value());
        return status.value() + " " + status.getReasonPhrase() + ", Idempotent-Replayed: " + replayed;
    }
}
