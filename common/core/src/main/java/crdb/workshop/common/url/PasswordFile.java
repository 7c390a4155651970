package crdb.workshop.common.url;

import crdb.workshop.common.WorkshopException;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Locale;
import java.util.Optional;

/**
 * The password file pgjdbc reads when the URL holds no password, chosen as pgjdbc 42.7's
 * PgPassParser chooses it: the system property org.postgresql.pgpassfile, else PGPASSFILE, else
 * ~/.pgpass (%APPDATA%\postgresql\pgpass.conf on Windows) when it can be read. pgjdbc opens it inside
 * Driver.parseURL, outside every timeout, reads it without a size limit, and opens it as a URL
 * when it parses as one. So it is checked before pgjdbc sees the URL.
 */
public final class PasswordFile {

    static final String PROPERTY = "org.postgresql.pgpassfile";

    private PasswordFile() {
    }

    /** Refuses the password file pgjdbc would read, in one line, when it is not a small regular file. */
    public static void check() {
        chosen().ifPresent(chosen -> {
            if (isUrl(chosen.name())) {
                throw new WorkshopException(chosen.source() + " names a URL, not a file: pgjdbc would fetch it while"
                        + " it reads DATABASE_URL, with no time limit. " + chosen.fix());
            }
            NamedFile.problem(chosen.name()).ifPresent(problem -> {
                throw new WorkshopException(chosen.source() + " names " + InputText.quotePath(chosen.name())
                        + ", which " + problem + "; pgjdbc reads it for a connection without a password. " + chosen.fix());
            });
        });
    }

    /** The file's name, where the name came from, and how to fix it. */
    private record Choice(String name, String source, String fix) {
    }

    /** The file pgjdbc would read and where its name came from, as pgjdbc picks them. */
    private static Optional<Choice> chosen() {
        String unset = "Point it at a .pgpass file, or unset it and put the password in DATABASE_URL"
                + " (percent-encoded).";
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.trim().isEmpty()) {
            return Optional.of(new Choice(property, "The system property " + PROPERTY, unset));
        }
        String env = System.getenv("PGPASSFILE");
        if (env != null && !env.trim().isEmpty()) {
            return Optional.of(new Choice(env, "PGPASSFILE", unset));
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows");
        String root = windows ? System.getenv("APPDATA") + File.separator + "postgresql"
                : System.getProperty("user.home");
        File file = new File(root, windows ? "pgpass.conf" : ".pgpass");
        // pgjdbc takes the default file only when canRead() says yes; a FIFO or a device says yes too.
        if (file.canRead()) {
            return Optional.of(new Choice(file.getPath(), "The default password file",
                    "Make it a regular file, or remove it and put the password in DATABASE_URL (percent-encoded)."));
        }
        return Optional.empty();
    }

    private static boolean isUrl(String name) {
        try {
            new URL(name);
            return true;
        } catch (MalformedURLException e) {
            return false;
        }
    }
}
