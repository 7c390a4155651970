package crdb.workshop.common.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real check: every snippet in README.md and docs/*.md matches the code it claims to show. */
class DocsSnippetsTest {

    @Test
    void everySnippetInTheDocsMatchesItsSourceRegion() throws IOException {
        Path root = RepositoryRoot.find();
        List<String> problems = new ArrayList<>();
        for (Path page : SnippetSync.pages(root)) {
            problems.addAll(DocSnippets.of(root, page).check());
        }
        assertThat(problems)
                .as("Snippets out of step with the code. Fix the code or run: ./mvnw -q -pl common/testing -am compile"
                        + " exec:java -Dlesson.exec.skip=false -Dexec.mainClass=crdb.workshop.common.docs.SnippetSync")
                .isEmpty();
    }
}
