package crdb.workshop.common.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every lesson has a page, every page has the same shape, and the indexes link them all. */
class DocPagesTest {

    private static final List<String> SECTIONS = List.of(
            "## What you will build", "## What you need", "## Steps", "## Expected output",
            "## Exercises", "## Summary", "## See also");

    /** About 45 minutes of reading and doing. */
    private static final int MAX_LINES = 450;

    private final Path root = RepositoryRoot.find();

    /** The folders named NN-topic; lessons/benchmarks measures lessons and is not one. */
    private List<String> lessons() throws IOException {
        try (Stream<Path> dirs = Files.list(root.resolve("lessons"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("\\d\\d-.+")).sorted().toList();
        }
    }

    @Test
    void everyLessonHasAPageWithTheSectionsInOrder() throws IOException {
        for (String lesson : lessons()) {
            Path page = root.resolve("docs/" + lesson + ".md");
            assertThat(page).as("docs page for lessons/" + lesson).isRegularFile();
            List<String> headings = Files.readAllLines(page).stream().filter(l -> l.startsWith("## ")).toList();
            assertThat(headings).as("sections of " + root.relativize(page)).containsSubsequence(SECTIONS);
        }
    }

    @Test
    void everyPageFitsInOneSitting() throws IOException {
        try (Stream<Path> pages = Files.list(root.resolve("docs"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
                assertThat(Files.readAllLines(page)).as("lines of " + root.relativize(page)
                        + ": a page a learner can finish in one sitting; split a longer topic into parts")
                        .hasSizeLessThanOrEqualTo(MAX_LINES);
            }
        }
    }

    @Test
    void theReadmeAndTheWalkthroughIndexLinkEveryLesson() throws IOException {
        String readme = Files.readString(root.resolve("README.md"));
        String index = Files.readString(root.resolve("docs/README.md"));
        for (String lesson : lessons()) {
            assertThat(readme).as("README.md links lesson " + lesson).contains("(docs/" + lesson + ".md)");
            assertThat(index).as("docs/README.md links lesson " + lesson).contains("(" + lesson + ".md)");
        }
    }
}
