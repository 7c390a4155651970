package crdb.workshop.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.url.DatabaseUrl;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The password goes to the host in the URL's authority and nowhere else, whatever the URL's shape.
 * Two fake servers on loopback ask for the password in clear text and record what they get: the
 * authority names the first ("home"); every other part of the URL names the second ("elsewhere").
 */
class PasswordDestinationTest {

    private static final String SECRET = "Hunter2Zq7x9";

    private FakePostgresServer home;
    private FakePostgresServer elsewhere;

    @BeforeEach
    void startServers() throws IOException {
        home = new FakePostgresServer();
        elsewhere = new FakePostgresServer();
    }

    @AfterEach
    void stopServers() throws IOException {
        home.close();
        elsewhere.close();
    }

    /** URL shapes with {home} in the authority and {elsewhere} somewhere else; {secret} is the password. */
    static Stream<String> shapes() {
        return Stream.of(
                "postgresql://maxroach:{secret}@{home}/defaultdb?application_name=me@{elsewhere}",
                "postgresql://maxroach:{secret}@{home}/defaultdb?application_name=x&x=@{elsewhere}",
                "postgresql://maxroach:{secret}@{home}/defaultdb?options=-c%20application_name%3Dme@{elsewhere}",
                "postgresql://maxroach:{secret}@{home}/defaultdb@{elsewhere}",
                "postgresql://maxroach:{secret}@{home}/defaultdb#@{elsewhere}",
                "postgresql://maxroach:{secret}@{home}/defaultdb?PGHOST=127.0.0.1&PGPORT={elsewherePort}",
                "postgresql://maxroach:{secret}@{home}/defaultdb?pghost=127.0.0.1&pgport={elsewherePort}",
                "postgresql://maxroach:{secret}@{home}/defaultdb?host=127.0.0.1&port={elsewherePort}",
                "postgresql://maxroach:{secret}@{home}/defaultdb?service={elsewhere}",
                "postgresql://maxroach:{secret}@{home}/defaultdb?socketFactory=java.net.Socket",
                "postgresql://maxroach:{secret}@{home}/defaultdb?sslmode=disable&sslmode=disable@{elsewhere}",
                "postgresql://maxroach:{secret}/x@{elsewhere}/defaultdb",
                "postgresql://maxroach:{secret}?x@{elsewhere}/defaultdb",
                "postgresql://maxroach:{secret}#x@{elsewhere}/defaultdb",
                "postgresql://maxroach:{secret}{elsewhere}/defaultdb",
                "postgresql://maxroach@{home}/defaultdb?password={secret}&x=@{elsewhere}",
                "jdbc:postgresql://{home}/defaultdb?user=maxroach&password={secret}&PGPORT={elsewherePort}",
                "jdbc:postgresql://{home}/defaultdb?user=maxroach&password={secret}@{elsewhere}",
                "cockroachdb://maxroach:{secret}@{home}/defaultdb?application_name=@{elsewhere}");
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void passwordReachesNoHostButTheAuthoritys(String shape) {
        String url = fill(shape);

        tryToConnect(url);

        assertThat(elsewhere.connections()).as("connections to the other server").isZero();
        assertThat(elsewhere.received()).doesNotContain(SECRET);
    }

    @Test
    void anAtInAQueryValueStillSendsThePasswordHome() {
        tryToConnect(fill("postgresql://maxroach:{secret}@{home}/defaultdb?application_name=me@{elsewhere}"));

        assertThat(home.received()).contains(SECRET);
        assertThat(elsewhere.connections()).isZero();
    }

    @Test
    void theRecorderSeesThePasswordWhenTheAuthorityNamesItsServer() {
        // Proves the check above can fail: the same server, named where a host belongs, gets the password.
        tryToConnect(fill("postgresql://maxroach:{secret}@{elsewhere}/defaultdb"));

        assertThat(elsewhere.received()).contains(SECRET);
    }

    @Test
    void aMultiHostAuthoritySendsThePasswordOnlyToItsHosts() {
        tryToConnect(fill("postgresql://maxroach:{secret}@127.0.0.1:1,{home}/defaultdb?application_name=@{elsewhere}"));

        assertThat(home.received()).contains(SECRET);
        assertThat(elsewhere.connections()).isZero();
    }

    private String fill(String shape) {
        return shape.replace("{secret}", SECRET).replace("{home}", home.hostAndPort())
                .replace("{elsewherePort}", Integer.toString(elsewhere.port()))
                .replace("{elsewhere}", elsewhere.hostAndPort());
    }

    /** Parses and connects as a lesson would; the fake servers refuse the login, so this always fails. */
    private static void tryToConnect(String url) {
        try {
            Database.open(DatabaseUrl.parse(url), Duration.ofSeconds(20)).close();
            throw new AssertionError("a fake server let us in");
        } catch (WorkshopException expected) {
            assertThat(expected.getMessage()).doesNotContain(SECRET);
        }
    }
}
