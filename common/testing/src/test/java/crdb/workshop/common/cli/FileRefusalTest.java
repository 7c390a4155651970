package crdb.workshop.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.FakePostgresServer;
import crdb.workshop.common.settings.Settings;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19, item 6 (files): a file named by the URL or the environment that pgjdbc would read with
 * no bound (a FIFO blocks forever inside pgjdbc's URL parsing, /dev/zero fills the memory) is
 * refused in one line before anything connects. The password file is chosen as pgjdbc 42.7 chooses
 * it: the system property org.postgresql.pgpassfile (which wins over PGPASSFILE, and which a test
 * can set), else PGPASSFILE, else ~/.pgpass; the default TLS files under ~/.postgresql too. Each
 * run has a time-out: a hang fails the test instead of the build.
 */
class FileRefusalTest {

    private static final String SECRET = HostileUrlCorpus.SECRET;
    private static FakePostgresServer server;

    @TempDir
    static Path dir;
    private static Path fifo;
    private static Path huge;
    private static Path fifoLink;

    private final String userHome = System.getProperty("user.home");

    @BeforeAll
    static void makeFiles() throws Exception {
        server = new FakePostgresServer();
        fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0,
                "mkfifo is needed to make a FIFO");
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "/dev/zero is needed");
        huge = dir.resolve("huge.crt");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(64L * 1024 * 1024); // sparse: no disk used
        }
        fifoLink = dir.resolve("link-to-pipe");
        Files.createSymbolicLink(fifoLink, fifo);
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @AfterEach
    void restoreProperties() {
        System.clearProperty("org.postgresql.pgpassfile");
        System.setProperty("user.home", userHome);
    }

    /** A case: what, the URL after host:port/, the system property's value (or null), the home to use, the refusal. */
    record Case(String what, String tail, String passFile, Function<Path, Path> home, String says) {
        @Override
        public String toString() {
            return what;
        }
    }

    static List<Case> cases() {
        String withPassword = "postgresql://maxroach:" + SECRET + "@";
        List<Case> list = new java.util.ArrayList<>();
        // Files the URL names.
        for (String[] file : new String[][] {
                {"sslrootcert=/dev/zero", "/dev/zero", "not a regular file"},
                {"sslrootcert=FIFO", "FIFO", "not a regular file"},
                {"sslrootcert=a link to a FIFO", "LINK", "not a regular file"},
                {"sslrootcert=a directory", "DIR", "directory"},
                {"sslrootcert=a 64 MiB file", "HUGE", "bytes long"}}) {
            list.add(new Case(file[0], withPassword + "HOST/defaultdb?sslmode=verify-full&sslrootcert=" + file[1],
                    null, null, file[2]));
        }
        list.add(new Case("sslcert=FIFO", withPassword + "HOST/defaultdb?sslmode=require&sslcert=FIFO",
                null, null, "not a regular file"));
        list.add(new Case("sslkey=/dev/zero", withPassword + "HOST/defaultdb?sslmode=require&sslkey=/dev/zero",
                null, null, "not a regular file"));
        list.add(new Case("sslkey=FIFO", withPassword + "HOST/defaultdb?sslmode=require&sslkey=FIFO",
                null, null, "not a regular file"));
        // The password file pgjdbc reads when the URL has no password.
        String noPassword = "postgresql://maxroach@HOST/defaultdb?sslmode=disable";
        list.add(new Case("password file a FIFO", noPassword, "FIFO", null, "not a regular file"));
        list.add(new Case("password file a link to a FIFO", noPassword, "LINK", null, "not a regular file"));
        list.add(new Case("password file /dev/zero", noPassword, "/dev/zero", null, "not a regular file"));
        list.add(new Case("password file a directory", noPassword, "DIR", null, "directory"));
        list.add(new Case("password file of 64 MiB", noPassword, "HUGE", null, "bytes long"));
        list.add(new Case("password file a URL to our fake server", noPassword, "http://HOST/pgpass", null,
                "names a URL"));
        list.add(new Case("password file a file: URL to /dev/zero", noPassword, "file:///dev/zero", null,
                "names a URL"));
        list.add(new Case("password file does not exist", noPassword, "/no/such/dir/pgpass", null,
                "does not exist"));
        list.add(new Case("jdbc form without password, password file a FIFO",
                "jdbc:postgresql://HOST/defaultdb?user=maxroach&sslmode=disable", "FIFO", null, "not a regular file"));
        // pgjdbc's defaults under the home directory.
        list.add(new Case("~/.pgpass a FIFO", noPassword, null, home -> home.resolve(".pgpass"),
                "default password file"));
        list.add(new Case("~/.postgresql/root.crt a FIFO", withPassword + "HOST/defaultdb?sslmode=verify-full", null,
                home -> home.resolve(".postgresql/root.crt"), "default sslrootcert"));
        list.add(new Case("~/.postgresql/postgresql.pk8 a FIFO", withPassword + "HOST/defaultdb?sslmode=require",
                null, home -> home.resolve(".postgresql/postgresql.pk8"), "default sslkey"));
        list.add(new Case("~/.postgresql/postgresql.crt a FIFO", withPassword + "HOST/defaultdb", null,
                home -> home.resolve(".postgresql/postgresql.crt"), "default sslcert"));
        return list;
    }

    static Stream<Arguments> runs() {
        return cases().stream().flatMap(c -> Stream.of(Arguments.of(c, "plain"), Arguments.of(c, "--verbose")));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("runs")
    @Timeout(30)
    void fileThatCouldBlockOrFillTheMemoryIsRefusedInOneLine(Case hostile, String mode) throws IOException {
        if (hostile.passFile() != null) {
            System.setProperty("org.postgresql.pgpassfile", place(hostile.passFile()));
        }
        if (hostile.home() != null) {
            Path home = Files.createTempDirectory(dir, "home");
            Path target = hostile.home().apply(home);
            Files.createDirectories(target.getParent());
            Files.createSymbolicLink(target, fifo);
            System.setProperty("user.home", home.toString());
        } else {
            System.setProperty("user.home", dir.resolve("empty-home").toString());
        }
        String url = place(hostile.tail());
        int before = server.connections();
        String[] args = mode.equals("plain") ? new String[0] : new String[] {mode};

        CapturedRun run = CapturedRun.of(() -> Settings.from(Map.of("DATABASE_URL", url), new Properties()),
                (database, out) -> { }, args);

        run.refusedInOneLine(hostile.says(), mode);
        assertThat(server.connections()).as("connections to the server").isEqualTo(before);
    }

    @Test
    @Timeout(30)
    void regularPasswordFileIsStillUsed() throws IOException {
        // The control: a proper .pgpass passes the check, and pgjdbc sends its password to the server.
        Path pgpass = dir.resolve("good.pgpass");
        Files.writeString(pgpass, "*:*:*:maxroach:From-pgpass-" + SECRET.substring(0, 4) + "\n");
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        System.setProperty("user.home", dir.resolve("empty-home").toString());
        int before = server.connections();

        CapturedRun run = CapturedRun.of(() -> Settings.from(Map.of("DATABASE_URL",
                "postgresql://maxroach@" + server.hostAndPort() + "/defaultdb?sslmode=disable"), new Properties()),
                (database, out) -> { });

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.errLines().get(0)).contains("refused user 'maxroach'");
        assertThat(server.connections()).isGreaterThan(before);
        assertThat(server.received()).contains("From-pgpass-");
    }

    private static String place(String text) {
        return text.replace("HOST", server.hostAndPort()).replace("FIFO", fifo.toString())
                .replace("LINK", fifoLink.toString()).replace("DIR", dir.toString())
                .replace("HUGE", huge.toString());
    }
}
