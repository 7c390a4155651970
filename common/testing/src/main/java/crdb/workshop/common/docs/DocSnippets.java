package crdb.workshop.common.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code snippets of one Markdown page. A snippet is a marker line followed by a fenced block:
 *
 * <pre>
 * &lt;!-- snippet: lessons/01-connect/src/main/java/.../ConnectLesson.java#run --&gt;
 * ```java
 * ...the tagged region, exactly...
 * ```
 * </pre>
 *
 * The path is relative to the workspace root. {@link #check} lists the snippets that no longer
 * match their source; {@link #synced} returns the page with every snippet copied afresh.
 */
public final class DocSnippets {

    private static final Pattern MARKER = Pattern.compile("^<!-- snippet: (\\S+)#([A-Za-z0-9_.-]+) -->$");

    private final Path root;
    private final Path page;
    private final List<String> lines;

    private DocSnippets(Path root, Path page, List<String> lines) {
        this.root = root;
        this.page = page;
        this.lines = lines;
    }

    public static DocSnippets of(Path root, Path page) {
        try {
            return new DocSnippets(root, page, Files.readAllLines(page));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + page, e);
        }
    }

    /** One problem per line: which page, which line, which snippet, and what to do. */
    public List<String> check() {
        List<String> problems = new ArrayList<>();
        walk((snippet, shown) -> {
            String expected;
            try {
                expected = SourceRegion.read(root.resolve(snippet.file), snippet.tag);
            } catch (RuntimeException e) {
                problems.add(where(snippet) + e.getMessage());
                return shown;
            }
            if (!expected.equals(shown)) {
                problems.add(where(snippet) + "differs from " + snippet.file + "#" + snippet.tag
                        + firstDifference(expected, shown));
            }
            return shown;
        }, problems);
        return problems;
    }

    /** The page's text with every snippet replaced by its current source region. */
    public String synced() {
        List<String> problems = new ArrayList<>();
        String text = walk((snippet, shown) -> SourceRegion.read(root.resolve(snippet.file), snippet.tag), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems));
        }
        return text;
    }

    public Path page() {
        return page;
    }

    private String where(Snippet snippet) {
        return root.relativize(page) + ":" + snippet.line + ": ";
    }

    private static String firstDifference(String expected, String shown) {
        String[] want = expected.split("\n", -1);
        String[] have = shown.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, have.length); i++) {
            String w = i < want.length ? want[i] : "<end>";
            String h = i < have.length ? have[i] : "<end>";
            if (!w.equals(h)) {
                return " (snippet line " + (i + 1) + ": source has \"" + w + "\", page has \"" + h + "\")";
            }
        }
        return "";
    }

    private record Snippet(String file, String tag, int line) {
    }

    private interface Visitor {
        String visit(Snippet snippet, String shown);
    }

    /** Walks the page, letting {@code visitor} replace each snippet's body; returns the new text. */
    private String walk(Visitor visitor, List<String> problems) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            out.append(line).append('\n');
            Matcher marker = MARKER.matcher(line.strip());
            i++;
            if (!marker.matches()) {
                continue;
            }
            Snippet snippet = new Snippet(marker.group(1), marker.group(2), i);
            if (i >= lines.size() || !lines.get(i).startsWith("```")) {
                problems.add(where(snippet) + "a snippet marker must be followed by a ``` fenced block");
                continue;
            }
            out.append(lines.get(i)).append('\n');
            int bodyStart = ++i;
            while (i < lines.size() && !lines.get(i).startsWith("```")) {
                i++;
            }
            if (i >= lines.size()) {
                problems.add(where(snippet) + "the fenced block after the marker is never closed");
                return out.toString();
            }
            String replaced = visitor.visit(snippet, String.join("\n", lines.subList(bodyStart, i)));
            if (!replaced.isEmpty()) {
                out.append(replaced).append('\n');
            }
        }
        return out.toString();
    }
}
