package crdb.workshop.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.settings.Settings;
import crdb.workshop.common.url.InputText;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19, item 2 (arguments): a secret given as a program argument is never echoed, whatever its
 * form: a URL, libpq's key=value, an environment assignment, a flag and its value, a bare word. Only
 * arguments shaped like an option and free of secret words are quoted.
 */
class ArgumentMaskingTest {

    private static final String SECRET = HostileUrlCorpus.SECRET;

    static Stream<Arguments> arguments() {
        return Stream.of(
                Arguments.of((Object) new String[] {"PGPASSWORD=" + SECRET}),
                Arguments.of((Object) new String[] {"Password=" + SECRET}),
                Arguments.of((Object) new String[] {"PASSWORD=" + SECRET}),
                Arguments.of((Object) new String[] {"--password=" + SECRET}),
                Arguments.of((Object) new String[] {"--password", SECRET}),
                Arguments.of((Object) new String[] {"-W", SECRET}),
                Arguments.of((Object) new String[] {SECRET}),
                Arguments.of((Object) new String[] {"--verbose", SECRET}),
                Arguments.of((Object) new String[] {"host=localhost user=maxroach password=" + SECRET}),
                Arguments.of((Object) new String[] {"user=maxroach;Pwd=" + SECRET}),
                Arguments.of((Object) new String[] {"sslpassword=" + SECRET}),
                Arguments.of((Object) new String[] {"--" + SECRET}),
                Arguments.of((Object) new String[] {"-secret" + SECRET}),
                Arguments.of((Object) new String[] {"postgresql://maxroach:" + SECRET + "@localhost/defaultdb"}),
                Arguments.of((Object) new String[] {"maxroach%3A" + SECRET + "@localhost"}),
                Arguments.of((Object) new String[] {"jdbc:postgresql://localhost/db;password=" + SECRET}),
                Arguments.of((Object) new String[] {"export DATABASE_URL=x&password=" + SECRET}),
                Arguments.of((Object) new String[] {SECRET + "\u001b]0;title\u0007"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arguments")
    void argumentThatMayHoldASecretIsNotEchoed(String[] args) {
        CapturedRun run = CapturedRun.of(() -> Settings.from(Map.of(), new Properties()), (database, out) -> { }, args);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.lessonRan()).isFalse();
        assertThat(run.errLines()).singleElement().asString().startsWith("Unknown ").contains("Options: --echo-sql");
        assertThat(run.everything()).doesNotContainIgnoringCase(HostileUrlCorpus.TELLTALE);
        assertThat(run.everything().replace("\n", "")).matches(text -> !InputText.hasInvisible(text));
    }
}
