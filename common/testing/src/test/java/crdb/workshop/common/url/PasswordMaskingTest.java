package crdb.workshop.common.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.server.UrlServer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The password in DATABASE_URL never shows: not in the display form, not in toString, not in
 * any error message or the message of anything it wraps. Each URL carries a password no other
 * text contains, in plain and percent-encoded spellings.
 */
class PasswordMaskingTest {

    private static final String SECRET = "Hunter2-Zq7x9";
    /** "p@ss/w0rd+Zq7x9", percent-encoded as Cloud console strings are. */
    private static final String ENCODED_SECRET = "p%40ss%2Fw0rd%2BZq7x9";
    private static final String DECODED_SECRET = "p@ss/w0rd+Zq7x9";

    static Stream<String> goodUrls() {
        return Stream.of(
                "postgresql://maxroach:" + SECRET
                        + "@free-tier.cockroachlabs.cloud:26257/defaultdb?sslmode=verify-full",
                "postgres://maxroach:" + SECRET + "@localhost:26257/defaultdb?sslmode=require",
                "cockroachdb://maxroach:" + SECRET + "@localhost:26257/bank?sslmode=require",
                "jdbc:postgresql://localhost:26257/defaultdb?user=maxroach&password=" + SECRET + "&sslmode=disable",
                "postgresql://maxroach:" + ENCODED_SECRET + "@localhost:26257/defaultdb",
                "postgresql://maxroach:" + SECRET + "@[::1]:26257/defaultdb",
                "postgresql://maxroach:" + SECRET + "@localhost:26257/defaultdb?options=--cluster%3Dgentle-otter-123",
                "postgresql://demo:" + SECRET + "@127.0.0.1:26257?sslmode=require");
    }

    static Stream<String> badUrls() {
        return Stream.of(
                "maxroach:" + SECRET + "@localhost:26257/defaultdb",
                "postgresql:/maxroach:" + SECRET + "@localhost:26257/defaultdb",
                "mysql://maxroach:" + SECRET + "@localhost:3306/bank",
                "postgresql://maxroach:" + SECRET + "@:26257/defaultdb",
                "postgresql://maxroach:" + SECRET + "@localhost:99999/defaultdb",
                "postgresql://maxroach:" + SECRET + "@[::1:26257/defaultdb",
                "postgresql://maxroach:" + SECRET + "%zz@localhost:26257/defaultdb",
                "postgresql://maxroach:" + ENCODED_SECRET + "%zz@localhost:26257/defaultdb",
                "postgresql://maxroach:" + SECRET + "@localhost:26257/defaultdb?sslmode=verify",
                "postgresql://maxroach:" + SECRET + "@localhost:26257/defaultdb?sslrootcert=/no/such/root.crt",
                "postgresql://maxroach:" + SECRET + "@localhost:26257/defaultdb?sslmod=require",
                "jdbc:postgresql://localhost:port/defaultdb?user=maxroach&password=" + SECRET,
                "jdbc:postgresql://localhost:26257/defaultdb?password=" + SECRET + "&sslmode=verify",
                "jdbc:postgresql://localhost:99999/defaultdb?sslpassword=" + SECRET,
                "jdbc:postgresql://localhost:26257/defaultdb?user=maxroach&PASSWORD=" + SECRET);
    }

    @ParameterizedTest
    @MethodSource("goodUrls")
    void displayAndToStringHideThePassword(String url) {
        ConnectionSettings settings = DatabaseUrl.parse(url);

        assertThat(settings.properties().getProperty("password")).isIn(SECRET, DECODED_SECRET);
        assertNoPassword(settings.display());
        assertNoPassword(settings.toString());
        assertThat(settings.display()).contains("****");
    }

    @ParameterizedTest
    @MethodSource("badUrls")
    void errorMessagesHideThePassword(String url) {
        WorkshopException e = catchThrowableOfType(WorkshopException.class, () -> DatabaseUrl.parse(url));

        assertThat(e).as("parse(%s) throws", url).isNotNull();
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertNoPassword(t.getMessage());
            assertNoPassword(t.toString());
        }
    }

    @Test
    void connectingElsewhereKeepsThePasswordHidden() {
        ConnectionSettings other = new UrlServer(DatabaseUrl.parse(
                "postgresql://maxroach:" + SECRET + "@localhost:26257/defaultdb?sslmode=require"), "test")
                .connectionTo("t_other");

        assertThat(other.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:26257/t_other");
        assertThat(other.display()).isEqualTo("postgresql://maxroach:****@localhost:26257/t_other?sslmode=require");
        assertThat(other.properties()).containsEntry("password", SECRET);
    }

    @Test
    void argumentThatLooksLikeAUrlShowsOnlyItsScheme() {
        assertThat(DatabaseUrl.maskArgument("postgresql://u:" + SECRET + "@h:1/d")).isEqualTo("postgresql://****");
        assertThat(DatabaseUrl.maskArgument("jdbc:postgresql://h:1/d?password=" + SECRET))
                .isEqualTo("jdbc:postgresql://****");
        assertThat(DatabaseUrl.maskArgument("u:" + SECRET + "@h:1/d")).isEqualTo("****");
        assertThat(DatabaseUrl.maskArgument(SECRET + "://h")).isEqualTo("****");
    }

    private static void assertNoPassword(String text) {
        assertThat(text).doesNotContain(SECRET).doesNotContain(ENCODED_SECRET).doesNotContain(DECODED_SECRET)
                .doesNotContain("Zq7x9");
    }
}
