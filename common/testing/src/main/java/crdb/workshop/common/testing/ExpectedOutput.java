package crdb.workshop.common.testing;

import crdb.workshop.common.docs.OutputBlock;
import crdb.workshop.common.docs.OutputPattern;
import crdb.workshop.common.docs.RepositoryRoot;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/** Checks that what a lesson printed is what its docs page says it prints. */
public final class ExpectedOutput {

    private ExpectedOutput() {
    }

    /**
     * @param page   the docs page, relative to the workspace root ("docs/01-connect.md")
     * @param name   the block's name, from its {@code <!-- output: NAME -->} marker
     * @param actual everything the lesson printed
     */
    public static void assertMatches(String page, String name, String actual) {
        Path file = RepositoryRoot.find().resolve(page);
        List<String> expected = OutputBlock.read(file, name);
        Optional<String> mismatch = new OutputPattern(expected).mismatch(List.of(actual.split("\\R", -1)));
        if (mismatch.isPresent()) {
            throw new AssertionFailedError(page + " (output: " + name + ") no longer matches what the lesson prints: "
                    + mismatch.get() + ". Update the docs block or the lesson.",
                    String.join("\n", expected), actual);
        }
    }
}
