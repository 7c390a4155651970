package crdb.workshop.common.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippet checker itself, on a small made-up workspace. */
class DocSnippetsTest {

    @TempDir
    Path root;

    private Path page;

    @BeforeEach
    void writeSourceAndPage() throws IOException {
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/Hello.java"), """
                class Hello {
                    // tag::greet[]
                    void greet() {
                        // tag::inner[]
                        System.out.println("hello");
                        // end::inner[]
                    }
                    // end::greet[]
                }
                """);
        page = root.resolve("page.md");
        Files.writeString(page, """
                Some prose.
                <!-- snippet: src/Hello.java#greet -->
                ```java
                void greet() {
                    System.out.println("hello");
                }
                ```
                More prose.
                """);
    }

    @Test
    void aSnippetThatMatchesItsRegionPasses() {
        assertThat(DocSnippets.of(root, page).check()).isEmpty();
    }

    @Test
    void anEditedSnippetIsReportedWithItsPageLineAndTheFirstDifference() throws IOException {
        Files.writeString(page, Files.readString(page).replace("\"hello\"", "\"hi\""));

        assertThat(DocSnippets.of(root, page).check()).singleElement().asString()
                .startsWith("page.md:2: differs from src/Hello.java#greet")
                .contains("snippet line 2")
                .contains("System.out.println(\"hello\");");
    }

    @Test
    void aChangedSourceIsReportedToo() throws IOException {
        Path source = root.resolve("src/Hello.java");
        Files.writeString(source, Files.readString(source).replace("\"hello\"", "\"bonjour\""));

        assertThat(DocSnippets.of(root, page).check()).hasSize(1);
    }

    @Test
    void aMissingRegionOrFileIsReported() throws IOException {
        Files.writeString(page, Files.readString(page).replace("#greet", "#nosuchtag"));
        assertThat(DocSnippets.of(root, page).check()).singleElement().asString()
                .contains("has no region tag::nosuchtag[]");

        Files.writeString(page, Files.readString(page).replace("src/Hello.java", "src/Gone.java"));
        assertThat(DocSnippets.of(root, page).check()).singleElement().asString().contains("cannot read");
    }

    @Test
    void syncRewritesTheSnippetFromTheSourceAndLeavesTheProseAlone() throws IOException {
        Path source = root.resolve("src/Hello.java");
        Files.writeString(source, Files.readString(source).replace("\"hello\"", "\"bonjour\""));

        String synced = DocSnippets.of(root, page).synced();

        assertThat(synced).contains("System.out.println(\"bonjour\");")
                .startsWith("Some prose.\n").endsWith("More prose.\n");
        Files.writeString(page, synced);
        assertThat(DocSnippets.of(root, page).check()).isEmpty();
    }

    @Test
    void anUnclosedRegionIsAnError() throws IOException {
        Path source = root.resolve("src/Hello.java");
        Files.writeString(source, Files.readString(source).replace("// end::greet[]", ""));

        assertThatThrownBy(() -> SourceRegion.read(source, "greet"))
                .hasMessageContaining("never closes it with end::greet[]");
    }
}
