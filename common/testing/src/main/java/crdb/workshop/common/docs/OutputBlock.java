package crdb.workshop.common.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an expected-output block from a docs page: a line {@code <!-- output: NAME -->} followed
 * by a fenced block.
 */
public final class OutputBlock {

    private OutputBlock() {
    }

    public static List<String> read(Path page, String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + page, e);
        }
        String marker = "<!-- output: " + name + " -->";
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("```")) {
                    throw new IllegalArgumentException(page + ":" + (i + 1) + ": " + marker
                            + " must be followed by a ``` fenced block");
                }
                int end = i + 2;
                while (end < lines.size() && !lines.get(end).startsWith("```")) {
                    end++;
                }
                return lines.subList(i + 2, end);
            }
        }
        throw new IllegalArgumentException(page + " has no block " + marker);
    }
}
