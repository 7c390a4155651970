package crdb.workshop.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.FakePostgresServer;
import crdb.workshop.common.settings.Settings;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19, item 3: start-up parameters smuggled through the URL. pgjdbc's start-up packet is a list
 * of NUL-terminated names and values, so a decoded NUL in the user, the database or any parameter
 * would add parameters past the allow-list; a user or database name shaped like "-c role=..."
 * or options with the server's backslash escapes try the same by other roads. Every case points at
 * a fake server on loopback that records what it is sent, and must be refused before it connects.
 */
class StartupSmugglingTest {

    private static final String SECRET = HostileUrlCorpus.SECRET;
    private static final String ROLE = "-c%20role%3Dadmin";
    private static FakePostgresServer server;

    @BeforeAll
    static void startFakeServer() throws Exception {
        server = new FakePostgresServer();
    }

    @AfterAll
    static void stopFakeServer() throws Exception {
        server.close();
    }

    /** Each case: what it smuggles through, the URL's tail after host:port/, a piece of the refusal. */
    static List<String[]> cases() {
        return List.of(
                new String[] {"NUL in the database name", "defaultdb%00options%00-c%20default_transaction_read_only"
                        + "%3Don", "control or invisible character"},
                new String[] {"NUL at the end of the database name", "defaultdb%00", "database name"},
                new String[] {"NUL in the user parameter", "defaultdb?user=maxroach%00options%00" + ROLE
                        + "&password=" + SECRET, "user name"},
                new String[] {"NUL in application_name", "defaultdb?application_name=x%00options%00" + ROLE,
                        "parameter ApplicationName"},
                new String[] {"NUL in ApplicationName", "defaultdb?ApplicationName=x%00user%00postgres",
                        "parameter ApplicationName"},
                new String[] {"NUL in options", "defaultdb?options=-c%20timezone%3DUTC%00options%00" + ROLE,
                        "options"},
                new String[] {"NUL inside one options word", "defaultdb?options=-c%20timezone%3DUTC%00-c%00role",
                        "parameter options"},
                new String[] {"NUL in sslmode", "defaultdb?sslmode=disable%00options%00" + ROLE, "sslmode"},
                new String[] {"NUL in currentSchema", "defaultdb?currentSchema=public%00options%00" + ROLE,
                        "currentSchema"},
                new String[] {"tab in options", "defaultdb?options=-c%09role%3Dadmin", "role"},
                new String[] {"LF in the database name", "defaultdb%0Aoptions", "database name"},
                new String[] {"-c in the database name", ROLE, "database name"},
                new String[] {"space and -c in the database name", "defaultdb%20" + ROLE, "database name"},
                new String[] {"backslash escapes in options", "defaultdb?options=-c%20application_name%3Dx%5C%20"
                        + "-c%5C%20role%3Dadmin", "backslash"},
                new String[] {"options spelt Options", "defaultdb?Options=" + ROLE, "'Options'"},
                new String[] {"options spelt OPTIONS", "defaultdb?OPTIONS=" + ROLE, "'OPTIONS'"},
                new String[] {"a setting outside the list", "defaultdb?options=" + ROLE, "role"},
                new String[] {"a setting as --name", "defaultdb?options=--role%3Dadmin", "role"},
                new String[] {"encoded parameter name", "defaultdb?opt%69ons=" + ROLE, "percent-encoded"});
    }

    /** The same tails with the user name as the smuggler: the user info is ours to read, not pgjdbc's. */
    static List<String[]> userCases() {
        return List.of(
                new String[] {"NUL in the user name", "maxroach%00options%00" + ROLE, "user name"},
                new String[] {"-c in the user name", ROLE, "user name"},
                new String[] {"space and -c in the user name", "maxroach%20" + ROLE, "user name"},
                new String[] {"CR in the user name", "maxroach%0D" + ROLE, "user name"},
                new String[] {"NUL in the password", "maxroach", "password"});
    }

    static Stream<Arguments> runs() {
        Stream<String[]> tails = cases().stream().map(c -> new String[] {c[0],
                "postgresql://maxroach:" + SECRET + "@" + server.hostAndPort() + "/" + c[1], c[2]});
        Stream<String[]> users = userCases().stream().map(c -> new String[] {c[0],
                "postgresql://" + c[1] + ":" + SECRET + (c[2].equals("password") ? "%00options%00" + ROLE : "")
                        + "@" + server.hostAndPort() + "/defaultdb", c[2]});
        return Stream.concat(tails, users).flatMap(c -> Stream.of(
                Arguments.of(c[0], c[1], c[2], "plain"), Arguments.of(c[0], c[1], c[2], "--verbose")));
    }

    @ParameterizedTest(name = "{3} {0}")
    @MethodSource("runs")
    void smuggledStartupParameterIsRefusedBeforeAnythingIsSent(String what, String url, String says, String mode) {
        int connectionsBefore = server.connections();
        String receivedBefore = server.received();
        String[] args = mode.equals("plain") ? new String[0] : new String[] {mode};

        CapturedRun run = CapturedRun.of(() -> Settings.from(Map.of("DATABASE_URL", url), new Properties()),
                (database, out) -> { }, args);

        assertThat(run.refusedInOneLine(says, mode)).startsWith("DATABASE_URL");
        assertThat(server.connections()).as("connections to the server").isEqualTo(connectionsBefore);
        assertThat(server.received()).as("bytes the server received").isEqualTo(receivedBefore);
    }

    @Test
    void casesCoverEveryPartOfTheStartupPacket() {
        assertThat(cases().size() + userCases().size()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void plainUrlToTheSameServerDoesReachIt() {
        // The control: without the smuggling the same URL gets to the fake server (which refuses the password).
        int before = server.connections();

        CapturedRun run = CapturedRun.of(() -> Settings.from(Map.of("DATABASE_URL",
                "postgresql://maxroach:" + SECRET + "@" + server.hostAndPort() + "/defaultdb?sslmode=disable"),
                new Properties()), (database, out) -> { });

        assertThat(run.status()).isEqualTo(1);
        assertThat(server.connections()).isGreaterThan(before);
        assertThat(run.everything()).doesNotContainIgnoringCase(HostileUrlCorpus.TELLTALE);
    }
}
