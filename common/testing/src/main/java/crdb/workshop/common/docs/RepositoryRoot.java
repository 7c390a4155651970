package crdb.workshop.common.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the workspace's top folder (the one with dbinit.sql and docs/) from wherever Maven runs us. */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    public static Path find() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("dbinit.sql")) && Files.isDirectory(candidate.resolve("docs"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no workspace root (a folder with dbinit.sql and docs/) above " + dir);
    }
}
