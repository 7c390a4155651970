package crdb.workshop.springboot;

import crdb.workshop.common.retry.AmbiguousCommitException;
import crdb.workshop.common.retry.FailureClassifier;
import crdb.workshop.springboot.retry.TransactionRetry;
import crdb.workshop.springboot.transfer.TransferRefusedException;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem detail ({@code application/problem+json}): a status, a
 * {@code type} that a client can branch on, a title, and one line of detail. Spring's own errors
 * (a path id that is not a UUID, a wrong method) come through the base class; a body the API
 * does not define is explained by {@link BodyProblems}. Failures are logged in one line each; the
 * stack trace only at debug level.
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
     * The database kept asking for retries, or stayed out of reach, until the policy gave up; or
     * every pooled connection stayed busy: nothing was applied, so the same request may be sent again.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseBusy(RuntimeException failure) {
        String state = FailureClassifier.sqlState(failure);
        if (failure instanceof CannotCreateTransactionException && state == null) {
            log.warn("No free database connection in time: answered 503");
            return tryAgain("Every database connection of the service stayed busy. Send the same request again,"
                    + " with the same Idempotency-Key.");
        }
        if (!TransactionRetry.retryable(failure)) {
            return unexpected(failure);
        }
        log.warn("Gave up retrying (SQLSTATE {}): answered 503", state);
        return tryAgain("The database asked to retry this transaction, or did not answer, until the service gave up"
                + " (SQLSTATE " + state + "). Send the same request again, with the same Idempotency-Key.");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> ambiguous(AmbiguousCommitException failure) {
        log.warn("COMMIT outcome unknown (SQLSTATE {}): answered 503", FailureClassifier.sqlState(failure));
        return tryAgain("The database did not say whether the transaction was applied. Send the same request"
                + " again, with the same Idempotency-Key: it is applied at most once.");
    }

    /** A body the API does not define, or too large: which, and where, in the detail. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = BodyProblems.explain(failure);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** Anything else: a 500 that says nothing of the internals (one line in the log). */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        log.error("Request failed: {}", oneLine(failure));
        log.debug("Request failed", failure);
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).body(problem(status, "internal-error",
                "The service failed to answer; the details are in its log."));
    }

    private static ResponseEntity<ProblemDetail> tryAgain(String detail) {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(status, "try-again", detail));
    }

    /** The exception's type and the first line of its message, and the SQLSTATE if any: no SQL text. */
    private static String oneLine(Exception failure) {
        String state = FailureClassifier.sqlState(failure);
        return failure.getClass().getSimpleName() + (state == null ? "" : " (SQLSTATE " + state + ")");
    }

    /** A problem whose type is a tag URI (RFC 4151): a name, not a page to fetch. */
    static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("tag:crdb.workshop,2026:" + type));
        return problem;
    }
}
