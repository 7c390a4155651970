package crdb.workshop.common.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A tagged region of a source file: the lines between {@code tag::NAME[]} and {@code end::NAME[]},
 * in whatever comment syntax the file uses. Other tag markers inside are dropped and the common
 * indentation is removed, so the docs show the code as a reader would write it.
 */
public final class SourceRegion {

    private static final Pattern ANY_MARKER = Pattern.compile("(tag|end)::[A-Za-z0-9_.-]+\\[]");

    private SourceRegion() {
    }

    /** The region's text, lines joined with \n, no trailing newline. */
    public static String read(Path file, String tag) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String start = "tag::" + tag + "[]";
        String end = "end::" + tag + "[]";
        List<String> region = null;
        for (String line : lines) {
            if (region == null) {
                if (line.contains(start)) {
                    region = new ArrayList<>();
                }
            } else if (line.contains(end)) {
                return String.join("\n", dedent(region));
            } else if (!ANY_MARKER.matcher(line).find()) {
                region.add(line);
            }
        }
        throw new IllegalArgumentException(region == null
                ? file + " has no region tag::" + tag + "[]"
                : file + " opens tag::" + tag + "[] but never closes it with end::" + tag + "[]");
    }

    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.isBlank() ? "" : line.substring(indent).stripTrailing());
        }
        return out;
    }
}
