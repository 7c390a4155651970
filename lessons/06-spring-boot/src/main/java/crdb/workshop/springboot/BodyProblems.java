package crdb.workshop.springboot;

import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Why a request body was refused, as a problem detail: too large (413), or not JSON, or JSON
 * that is not the API's (an unknown or repeated field, a string or a fraction where a whole
 * number goes, something after the object). StrictJson makes Jackson refuse those.
 */
final class BodyProblems {

    private BodyProblems() {
    }

    static ProblemDetail explain(HttpMessageNotReadableException failure) {
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimit.TooLargeException) { // under Jackson's own wrapper
                return ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The request body is"
                        + " larger than " + BodySizeLimit.MAX_BYTES + " bytes; a transfer needs far less.");
            }
        }
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException json) {
                String type = json instanceof UnrecognizedPropertyException ? "unknown-field"
                        : json instanceof MismatchedInputException ? "invalid-value"
                        : json instanceof StreamReadException && String.valueOf(json.getOriginalMessage())
                                .startsWith("Duplicate") ? "duplicate-field"
                        : "invalid-json";
                return ProblemResponses.problem(HttpStatus.BAD_REQUEST, type, "The request body is not a transfer as"
                        + " the API defines it (" + path(json) + "): " + printable(json.getOriginalMessage())
                        + ". Send {\"from\": \"<uuid>\", \"to\": \"<uuid>\", \"amount\": <whole dollars>}.");
            }
        }
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, "missing-body", "The request has no JSON body."
                + " Send {\"from\": \"<uuid>\", \"to\": \"<uuid>\", \"amount\": <whole dollars>}.");
    }

    private static String path(JacksonException json) {
        String fields = json.getPath().stream().map(JacksonException.Reference::getPropertyName)
                .filter(name -> name != null).collect(Collectors.joining("."));
        if (!fields.isEmpty()) {
            return "field \"" + printable(fields) + "\"";
        }
        return json.getLocation() == null || json.getLocation().getLineNr() < 1 ? "in the body"
                : "at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
    }

    /** One line, at most 200 characters, control characters escaped: the message may quote the body. */
    private static String printable(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        StringBuilder out = new StringBuilder();
        line.codePoints().limit(200).forEach(c -> out.append(Character.isISOControl(c)
                ? String.format("\\u%04x", c) : Character.toString(c)));
        return out.toString();
    }
}
