package crdb.workshop.common.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rewrites every snippet in docs/*.md and README.md from its tagged source region. Run it after
 * changing code that the docs show:
 * {@code ./mvnw -q -pl common/testing -am compile exec:java -Dlesson.exec.skip=false -Dexec.mainClass=crdb.workshop.common.docs.SnippetSync}
 */
public final class SnippetSync {

    private SnippetSync() {
    }

    public static void main(String[] args) throws IOException {
        Path root = RepositoryRoot.find();
        for (Path page : pages(root)) {
            DocSnippets snippets = DocSnippets.of(root, page);
            String synced = snippets.synced();
            if (!synced.equals(Files.readString(page))) {
                Files.writeString(page, synced);
                System.out.println("updated " + root.relativize(page));
            }
        }
    }

    /** The pages whose snippets are kept in step with the code. */
    public static List<Path> pages(Path root) throws IOException {
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            return Stream.concat(Stream.of(root.resolve("README.md")),
                            docs.filter(p -> p.toString().endsWith(".md")).sorted())
                    .filter(Files::isRegularFile)
                    .toList();
        }
    }
}
