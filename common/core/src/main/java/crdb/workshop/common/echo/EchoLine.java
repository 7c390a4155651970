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

    // Character classes only: Java runs a repeated group recursively, and a 1,000-row statement
    // would overflow the stack.
    /** A tuple of placeholders: "(?, ?, ?)". */
    private static final Pattern TUPLE = Pattern.compile("\\([?\\s,]+\\)");
    /** A list of placeholders: "? , ? , ?". */
    private static final Pattern PLACEHOLDERS = Pattern.compile("\\?[?\\s,]*\\?");
    /** Between two tuples of a VALUES list. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*");

    private EchoLine() {
    }

    /**
     * Three or more identical tuples in a row become "(?, ?) , (?, ?) , ... (100 rows)", and ten
     * or more placeholders in a list "? , ? , ... (100 values)": what {@code <foreach>} writes.
     */
    public static String compactValues(String sql) {
        return compactPlaceholders(compactTuples(sql));
    }

    private static String compactTuples(String sql) {
        StringBuilder out = new StringBuilder();
        Matcher tuple = TUPLE.matcher(sql);
        int copied = 0;
        int from = 0;
        while (tuple.find(from)) {
            String first = tuple.group();
            int rows = 1;
            int end = tuple.end();
            while (true) {
                Matcher separator = SEPARATOR.matcher(sql).region(end, sql.length());
                if (!separator.lookingAt() || !sql.startsWith(first, separator.end())) {
                    break;
                }
                end = separator.end() + first.length();
                rows++;
            }
            if (rows >= 3) {
                out.append(sql, copied, tuple.start())
                        .append(first).append(" , ").append(first).append(" , ... (").append(thousands(rows))
                        .append(" rows)");
                copied = end;
            }
            from = end;
        }
        return out.append(sql.substring(copied)).toString();
    }

    private static String compactPlaceholders(String sql) {
        StringBuilder out = new StringBuilder();
        Matcher list = PLACEHOLDERS.matcher(sql);
        int copied = 0;
        while (list.find()) {
            long values = list.group().chars().filter(c -> c == '?').count();
            if (values >= 10) {
                out.append(sql, copied, list.start()).append("? , ? , ... (").append(thousands(values))
                        .append(" values)");
                copied = list.end();
            }
        }
        return out.append(sql.substring(copied)).toString();
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
