package crdb.workshop.common.docs;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README and the pages name the CockroachDB image the code pins (Settings.DEFAULT_COCKROACH_IMAGE),
 * so changing the pin without them, or them without it, fails the build. A line that shows
 * another image on purpose sets WORKSHOP_COCKROACH_IMAGE to it.
 */
class CockroachImagePinTest {

    private static final Pattern IMAGE = Pattern.compile("cockroachdb/cockroach:v[0-9][0-9.]*[0-9]");

    private final Path root = RepositoryRoot.find();

    @Test
    void theReadmeNamesThePinnedImage() throws IOException {
        assertThat(Files.readString(root.resolve("README.md"))).contains(Settings.DEFAULT_COCKROACH_IMAGE);
    }

    @Test
    void everyImageThePagesNameIsThePinUnlessTheLineChoosesAnother() throws IOException {
        List<String> other = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = Files.readAllLines(page);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = IMAGE.matcher(lines.get(i));
                while (m.find()) {
                    if (!m.group().equals(Settings.DEFAULT_COCKROACH_IMAGE)
                            && !lines.get(i).contains("WORKSHOP_COCKROACH_IMAGE=" + m.group())) {
                        other.add(root.relativize(page) + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }

        assertThat(other).as("images named beside the pin " + Settings.DEFAULT_COCKROACH_IMAGE).isEmpty();
    }

    private List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }
}
