package crdb.workshop.common.url;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Whether a file pgjdbc is told to read (a certificate, a key, a password file) is safe to hand it.
 * pgjdbc reads such files whole, with no size or time limit, some of them while it parses the URL,
 * outside every timeout: a FIFO there blocks forever, /dev/zero fills the memory. So only a regular
 * file of a sensible size passes. Reading attributes never opens the file, so this check cannot block.
 */
final class NamedFile {

    /** A certificate chain, a key or a .pgpass file is a few kilobytes; 1 MiB leaves room for any real one. */
    static final long MAX_BYTES = 1024 * 1024;

    private NamedFile() {
    }

    /** What is wrong with the file at {@code path}, or empty when pgjdbc may read it. */
    static Optional<String> problem(String path) {
        if (path.isEmpty()) {
            return Optional.of("is empty");
        }
        try {
            Path file = Path.of(path);
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.of(attributes.isDirectory() ? "is a directory, not a file"
                        : "is not a regular file (a pipe, a device or a socket: reading it could wait forever or"
                                + " never end)");
            }
            if (attributes.size() > MAX_BYTES) {
                return Optional.of("is " + attributes.size() + " bytes long; a certificate, key or password file"
                        + " is a few kilobytes");
            }
            return Files.isReadable(file) ? Optional.empty() : Optional.of("cannot be read (permissions?)");
        } catch (NoSuchFileException e) {
            return Optional.of("does not exist");
        } catch (IOException | InvalidPathException | SecurityException e) {
            return Optional.of("cannot be read");
        }
    }

    /** Whether anything is at {@code path} (a FIFO or a device too), so that pgjdbc would use it by default. */
    static boolean exists(Path path) {
        return Files.exists(path);
    }
}
