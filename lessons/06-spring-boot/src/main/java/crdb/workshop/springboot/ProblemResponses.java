package crdb.workshop.springboot;

import crdb.workshop.springboot.retry.AmbiguousCommitException;
import crdb.workshop.springboot.retry.SqlStates;
import crdb.workshop.springboot.transfer.TransferRefusedException;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem detail ({@code application/problem+json}): a status, a
 * {@code type} that a client can branch on, a title, and one line of detail. Spring's own errors
 * (a body that is not JSON, a path id that is not a UUID) come through the base class.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    // tag::refused[]
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(TransferRefusedException refused) {
        HttpStatus status = switch (refused.reason()) {
            case MISSING_KEY, INVALID_KEY, MISSING_ACCOUNT, INVALID_AMOUNT, SAME_ACCOUNT -> HttpStatus.BAD_REQUEST;
            case UNKNOWN_ACCOUNT -> HttpStatus.NOT_FOUND;
            case INSUFFICIENT_FUNDS -> HttpStatus.CONFLICT;
            case KEY_REUSED -> HttpStatus.UNPROCESSABLE_CONTENT; // as the Idempotency-Key draft asks
        };
        ProblemDetail problem = problem(status, refused.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                refused.getMessage());
        if (refused.account() != null) {
            problem.setProperty("account", refused.account());
        }
        return ResponseEntity.status(status).body(problem);
    }
    // end::refused[]

    /**
     * The database kept asking for retries until the policy gave up, or a COMMIT's outcome is
     * unknown: nothing is lost by sending the same request again, with the same Idempotency-Key.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> databaseBusy(DataAccessException failure) {
        String state = SqlStates.of(failure);
        if (!SqlStates.rolledBackByServer(state) && !SqlStates.connectionLost(state)) {
            return unexpected(failure);
        }
        return tryAgain("The database asked to retry this transaction more times than the service allows"
                + " (SQLSTATE " + state + "). Send the same request again, with the same Idempotency-Key.");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> ambiguous(AmbiguousCommitException failure) {
        return tryAgain("The database did not say whether the transaction was applied. Send the same request"
                + " again, with the same Idempotency-Key: it is applied at most once.");
    }

    /** Anything else: a 500 that says nothing of the internals (they are in the log). */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        log.error("Request failed", failure);
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).body(problem(status, "internal-error",
                "The service failed to answer; the details are in its log."));
    }

    private static ResponseEntity<ProblemDetail> tryAgain(String detail) {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(status, "try-again", detail));
    }

    /** A problem whose type is a tag URI (RFC 4151): a name, not a page to fetch. */
    static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("tag:crdb.workshop,2026:" + type));
        return problem;
    }
}
