package crdb.workshop.common.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An expected-output block from the docs, matched against what a lesson really printed.
 *
 * <p>Text matches itself, except for these placeholders: {@code <uuid>} a UUID, {@code <n>} an
 * integer, {@code <num>} any number (decimals, thousands separators), {@code <any>} any text up
 * to the end of the line or the next literal, and a line holding only {@code ...}, which matches
 * any number of lines. Trailing spaces and trailing blank lines are ignored.
 */
public final class OutputPattern {

    private static final String ANY_LINES = "...";

    private final List<String> expected;
    private final List<Pattern> patterns = new ArrayList<>();

    public OutputPattern(List<String> expected) {
        this.expected = trim(expected);
        for (String line : this.expected) {
            patterns.add(line.equals(ANY_LINES) ? null : compile(line));
        }
    }

    /** Empty when {@code actual} matches; otherwise a description of the first line that did not. */
    public Optional<String> mismatch(List<String> actualLines) {
        List<String> actual = trim(actualLines);
        Matcher matcher = new Matcher(actual);
        if (matcher.matches(0, 0)) {
            return Optional.empty();
        }
        int i = matcher.deepestPattern;
        int j = matcher.deepestLine;
        String want = i < expected.size() ? expected.get(i) : "<end of output>";
        String got = j < actual.size() ? actual.get(j) : "<end of output>";
        return Optional.of("expected line " + (i + 1) + " of the docs block, \"" + want + "\", but output line "
                + (j + 1) + " is \"" + got + "\"");
    }

    private static Pattern compile(String line) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            if (line.startsWith("<uuid>", i)) {
                regex.append("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
                i += "<uuid>".length();
            } else if (line.startsWith("<n>", i)) {
                regex.append("-?\\d+");
                i += "<n>".length();
            } else if (line.startsWith("<num>", i)) {
                regex.append("-?\\d[\\d,]*(?:\\.\\d+)?");
                i += "<num>".length();
            } else if (line.startsWith("<any>", i)) {
                regex.append(".*");
                i += "<any>".length();
            } else {
                int next = nextPlaceholder(line, i);
                regex.append(Pattern.quote(line.substring(i, next)));
                i = next;
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static int nextPlaceholder(String line, int from) {
        int next = line.length();
        for (String placeholder : List.of("<uuid>", "<n>", "<num>", "<any>")) {
            int at = line.indexOf(placeholder, from);
            if (at >= 0 && at < next) {
                next = at;
            }
        }
        return next;
    }

    private static List<String> trim(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.stripTrailing());
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Backtracking over "..." lines, memoised so a long output stays linear-ish. */
    private final class Matcher {
        private final List<String> actual;
        private final boolean[][] failed;
        private int deepestPattern = -1;
        private int deepestLine = -1;

        Matcher(List<String> actual) {
            this.actual = actual;
            this.failed = new boolean[patterns.size() + 1][actual.size() + 1];
        }

        boolean matches(int i, int j) {
            if (failed[i][j]) {
                return false;
            }
            boolean ok;
            if (i == patterns.size()) {
                ok = j == actual.size();
            } else if (patterns.get(i) == null) {
                ok = matches(i + 1, j) || j < actual.size() && matches(i, j + 1);
            } else {
                ok = j < actual.size() && patterns.get(i).matcher(actual.get(j)).matches() && matches(i + 1, j + 1);
            }
            if (!ok) {
                failed[i][j] = true;
                if (i > deepestPattern || i == deepestPattern && j > deepestLine) {
                    deepestPattern = i;
                    deepestLine = j;
                }
            }
            return ok;
        }
    }
}
