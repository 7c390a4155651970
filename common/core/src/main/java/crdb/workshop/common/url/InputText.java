package crdb.workshop.common.url;

/**
 * How a piece of what the user typed may appear in a message: on one line, and short. A pasted
 * URL can be 100,000 characters long or hold a newline; the message must stay one readable line.
 */
public final class InputText {

    /** Longer pieces are cut: enough to recognise a host or a parameter, not a page. */
    static final int SHOWN = 60;

    private InputText() {
    }

    /** {@code text} in single quotes, control characters replaced, cut after {@link #SHOWN} characters. */
    public static String quote(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        if (oneLine.length() > SHOWN) {
            oneLine = oneLine.substring(0, SHOWN) + "...' (" + text.length() + " characters";
            return "'" + oneLine + ")";
        }
        return "'" + oneLine + "'";
    }

    /** A word made of letters, digits and {@code _ . -}: safe to show, and never a percent-encoded trick. */
    static boolean isPlainWord(String text) {
        return !text.isEmpty() && text.length() <= SHOWN && text.matches("[A-Za-z_][A-Za-z0-9_.-]*");
    }
}
