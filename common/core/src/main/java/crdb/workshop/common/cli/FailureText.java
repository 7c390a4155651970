package crdb.workshop.common.cli;

import crdb.workshop.common.echo.SecretMask;
import crdb.workshop.common.url.InputText;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes what a failed run prints safe for the terminal, whoever wrote the text (our parser, pgjdbc,
 * the server): every piece of DATABASE_URL that might be a password is masked, and control and
 * invisible characters are written as escapes. The parser already quotes nothing secret; this is
 * the net under it, and the only guard for stack traces and messages built by libraries.
 */
final class FailureText {

    /** Fragments shorter than this are too common to mask everywhere, and reveal little. */
    private static final int SHORTEST = 4;
    /** A password key in any spelling and separator form, and the value after it. */
    private static final Pattern SECRET_VALUE =
            Pattern.compile("(?i)(?:pass(?:word)?|pwd)\\s*(?:=|%3d)([^&;?#/\\s]*)");

    private final List<String> secrets;

    private FailureText(List<String> secrets) {
        this.secrets = secrets;
    }

    /** For a run whose DATABASE_URL is {@code url} (null if unset or unknown). */
    static FailureText forUrl(String url) {
        return new FailureText(url == null ? List.of() : fragments(url));
    }

    /** {@code text} masked and escaped, on one line. */
    String line(String text) {
        return visible(mask(text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ")));
    }

    /** Prints {@code e}'s stack trace (for --verbose) masked and escaped, line by line. */
    void printStackTrace(Throwable e, PrintStream err) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        trace.toString().lines().forEach(line -> err.println(visible(mask(line))));
    }

    private String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, SecretMask.MASK);
        }
        return SecretMask.mask(masked);
    }

    /** Escapes what a terminal would act on; tabs stay, for stack traces' "\tat". */
    private static String visible(String text) {
        return String.join("\t", java.util.Arrays.stream(text.split("\t", -1)).map(InputText::visible).toList());
    }

    /**
     * What in {@code url} may be (part of) a password: the user information after its first ':', the
     * text after an encoded ':' (%3A), and every value after a password key, raw and decoded, whole
     * and cut at the characters a mistyped URL splits on (only the user information: pieces of the
     * query would be parameter names). Longest first, so that a whole is masked
     * before its pieces.
     */
    static List<String> fragments(String url) {
        List<String> found = new ArrayList<>();
        int start = url.indexOf("://");
        int lastAt = url.lastIndexOf('@');
        if (start >= 0 && lastAt > start) {
            String userInfo = url.substring(start + 3, lastAt);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                add(found, userInfo.substring(colon + 1), true);
            }
            Matcher encoded = Pattern.compile("(?i)%3a").matcher(userInfo);
            if (encoded.find()) {
                add(found, userInfo.substring(encoded.end()), true);
            }
        }
        Matcher value = SECRET_VALUE.matcher(url);
        while (value.find()) {
            // The value up to the next separator, and (whole, not cut) all that follows: it may hold an unencoded '&'.
            add(found, url.substring(value.start(1)), false);
            add(found, value.group(1), true);
        }
        found.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(found);
    }

    private static void add(List<String> found, String secret, boolean pieces) {
        List<String> forms = new ArrayList<>(List.of(secret));
        try {
            forms.add(URLDecoder.decode(secret.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // Badly encoded: the raw form is masked.
        }
        for (String form : forms) {
            List<String> all = new ArrayList<>(List.of(form));
            if (pieces) {
                all.addAll(List.of(form.split("[/?#@:&;=,]")));
            }
            for (String piece : all) {
                if (piece.length() >= SHORTEST && !found.contains(piece)) {
                    found.add(piece);
                }
            }
        }
    }
}
