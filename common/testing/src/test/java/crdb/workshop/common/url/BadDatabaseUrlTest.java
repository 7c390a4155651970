package crdb.workshop.common.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import crdb.workshop.common.WorkshopException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mistake in DATABASE_URL ends in one line that says what is wrong and how to fix it. */
class BadDatabaseUrlTest {

    static Stream<Arguments> badUrls() {
        return Stream.of(
                Arguments.of("empty", "", "DATABASE_URL is empty", "unset it"),
                Arguments.of("blank", "   ", "DATABASE_URL is empty", "unset it"),
                Arguments.of("no scheme", "maxroach:Hunter2-Zq7x9@localhost:26257/defaultdb",
                        "not a connection URL", "Use the form postgresql://"),
                Arguments.of("one slash", "postgresql:/localhost:26257/defaultdb",
                        "not a connection URL", "Use the form postgresql://"),
                Arguments.of("unknown scheme", "mysql://maxroach:Hunter2-Zq7x9@localhost:3306/bank",
                        "unknown scheme 'mysql'",
                        "Use postgresql://, postgres://, cockroachdb:// or jdbc:postgresql://"),
                Arguments.of("missing host", "postgresql://maxroach:Hunter2-Zq7x9@:26257/defaultdb",
                        "has no host", "after the '@'"),
                Arguments.of("missing host and user", "postgresql:///defaultdb", "has no host", "after the '@'"),
                Arguments.of("port out of range", "postgresql://maxroach:Hunter2-Zq7x9@localhost:99999/defaultdb",
                        "port '99999'", "26257"),
                Arguments.of("port not a number", "postgresql://maxroach:Hunter2-Zq7x9@localhost:port/defaultdb",
                        "port 'port'", "26257"),
                Arguments.of("unclosed IPv6 host", "postgresql://maxroach:Hunter2-Zq7x9@[::1:26257/defaultdb",
                        "without its closing ']'", "[::1]:26257"),
                Arguments.of("bad percent-encoding",
                        "postgresql://maxroach:Hunter2%zzZq7x9@localhost:26257/defaultdb",
                        "badly percent-encoded password", "@ as %40"),
                Arguments.of("bad sslmode",
                        "postgresql://maxroach:Hunter2-Zq7x9@localhost:26257/defaultdb?sslmode=verify",
                        "sslmode=verify, which is not an SSL mode", "disable, require, verify-ca, verify-full"),
                Arguments.of("missing CA file", "postgresql://maxroach:Hunter2-Zq7x9@localhost:26257/defaultdb"
                        + "?sslmode=verify-full&sslrootcert=/no/such/dir/root.crt",
                        "sslrootcert=/no/such/dir/root.crt, but no readable file is there",
                        "Download the cluster's CA"),
                Arguments.of("unknown parameter",
                        "postgresql://maxroach:Hunter2-Zq7x9@localhost:26257/defaultdb?sslmod=require",
                        "parameter 'sslmod', which pgjdbc does not understand", "Remove it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUrls")
    void badUrlIsRejectedWithOneLineSayingWhatAndHow(String what, String url, String problem, String fix) {
        WorkshopException e = catchThrowableOfType(WorkshopException.class, () -> DatabaseUrl.parse(url));

        assertThat(e).as("parse(%s) throws", url).isNotNull();
        assertThat(e.getMessage()).contains(problem).contains(fix).doesNotContain("\n");
    }
}
