package crdb.workshop.common.echo;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shapes one echoed line for a person: a multi-row VALUES list shown as its first rows and a
 * count, and anything still too long cut at {@link #WIDTH} with a note of what was left out.
 */
public final class EchoLine {

    /** The widest line echo prints, prefix included: wide enough for two UUIDs and two numbers. */
    public static final int WIDTH = 160;

    /** Three or more identical placeholder tuples in a row: "(?, ?) , (?, ?) , (?, ?)". */
    private static final Pattern REPEATED_TUPLES =
            Pattern.compile("(\\((?:\\?|\\s|,)+\\))((?:\\s*,\\s*\\1){2,})");
    /** Six or more placeholders in a list, as in IN ( ? , ? , ? , ? , ? , ? ). */
    private static final Pattern PLACEHOLDER_LIST = Pattern.compile("\\?((?:\\s*,\\s*\\?){5,})");

    private EchoLine() {
    }

    /** "VALUES (?, ?) , (?, ?) , ... 100 rows" for a statement MyBatis built with {@code <foreach>}. */
    public static String compactValues(String sql) {
        Matcher m = REPEATED_TUPLES.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String tuple = m.group(1);
            int rows = 1 + count(m.group(2), tuple);
            m.appendReplacement(out, Matcher.quoteReplacement(
                    tuple + " , " + tuple + " , ... (" + thousands(rows) + " rows)"));
        }
        m.appendTail(out);
        Matcher list = PLACEHOLDER_LIST.matcher(out.toString());
        StringBuilder shorter = new StringBuilder();
        while (list.find()) {
            int values = 1 + (int) list.group(1).chars().filter(c -> c == '?').count();
            list.appendReplacement(shorter, Matcher.quoteReplacement("? , ? , ... (" + thousands(values) + " values)"));
        }
        list.appendTail(shorter);
        return shorter.toString();
    }

    /**
     * {@code line} if it fits in {@code width} characters; otherwise its start, then "..." and
     * {@code whatWasCut} (say "4,000 values"), or the number of characters left out.
     */
    public static String cut(String line, int width, String whatWasCut) {
        if (line.length() <= width) {
            return line;
        }
        // Room for the note; a count of characters is at most " ... (+99,999,999 characters)".
        int room = width - (whatWasCut == null ? 30 : 7 + whatWasCut.length());
        int keep = Math.max(0, room);
        // End at a value's end if one is close: "..., 250(Long)" reads better than "..., 25".
        int comma = line.lastIndexOf(", ", keep);
        if (comma > keep - 40 && comma > 0) {
            keep = comma + 1;
        }
        String note = whatWasCut != null ? whatWasCut : "+" + thousands(line.length() - keep) + " characters";
        return line.substring(0, keep) + " ... (" + note + ")";
    }

    static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static int count(String text, String tuple) {
        int n = 0;
        for (int at = text.indexOf(tuple); at >= 0; at = text.indexOf(tuple, at + tuple.length())) {
            n++;
        }
        return n;
    }
}
