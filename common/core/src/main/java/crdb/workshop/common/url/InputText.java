package crdb.workshop.common.url;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a piece of what the user typed may appear in a message: on one line, and short. A pasted
 * URL can be 100,000 characters long or hold a newline; the message must stay one readable line.
 */
public final class InputText {

    /** Longer pieces are cut: enough to recognise a host or a parameter, not a page. */
    static final int SHOWN = 60;

    /** Where a secret may start in pasted text: a password key in any spelling, or an encoded ':'. */
    private static final Pattern SECRET_START = Pattern.compile("(?i)pass|pwd|secret|token|%3a");

    private InputText() {
    }

    /**
     * {@code text} in single quotes, on one visible line, cut after {@link #SHOWN} characters, and
     * cut before anything that may start a secret (password=, PGPASSWORD=, an encoded ':').
     */
    public static String quote(String text) {
        Matcher secret = SECRET_START.matcher(text);
        if (secret.find()) {
            String before = text.substring(0, Math.min(secret.start(), SHOWN));
            return "'" + visible(before) + "...' (the rest is not shown: it may hold a password)";
        }
        if (text.length() > SHOWN) {
            return "'" + visible(text.substring(0, SHOWN)) + "...' (" + text.length() + " characters)";
        }
        return "'" + visible(text) + "'";
    }

    /**
     * A file name taken from the environment (never from the URL), which names no secret but may
     * say "pgpass": in quotes, visible and cut like {@link #quote}, without looking for a password key.
     */
    static String quotePath(String path) {
        if (path.length() > SHOWN) {
            return "'..." + visible(path.substring(path.length() - SHOWN)) + "' (" + path.length() + " characters)";
        }
        return "'" + visible(path) + "'";
    }

    /**
     * {@code text} with every character a terminal would act on written out as an escape: C0 and C1
     * controls (ESC, CR, LF, NUL, BEL...), and invisible format characters such as the bidi overrides
     * that make a line read differently from what it holds. {@code \x1b}, {@code \u202e}.
     */
    public static String visible(String text) {
        if (!hasInvisible(text)) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (isInvisible(c)) {
                shown.append(c <= 0xFF ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    /** Whether {@link #visible} would change {@code text}. */
    public static boolean hasInvisible(String text) {
        return text.codePoints().anyMatch(InputText::isInvisible);
    }

    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }

    /** A word made of letters, digits and {@code _ . -}: safe to show, and never a percent-encoded trick. */
    static boolean isPlainWord(String text) {
        return !text.isEmpty() && text.length() <= SHOWN && text.matches("[A-Za-z_][A-Za-z0-9_.-]*");
    }
}
