package crdb.workshop.common.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What a message may quote of the user's input: visible characters only, and nothing after a password key. */
class InputTextTest {

    static Stream<Arguments> invisible() {
        return Stream.of(
                Arguments.of("\u001b]0;title\u0007", "\\x1b]0;title\\x07"),
                Arguments.of("a\rb\nc\u0000d", "a\\x0db\\x0ac\\x00d"),
                Arguments.of("\u009b2J", "\\x9b2J"),
                Arguments.of("abc\u202edef", "abc\\u202edef"),
                Arguments.of("x\u2028y\u2066z\u200bw", "x\\u2028y\\u2066z\\u200bw"),
                Arguments.of("plain text: ok", "plain text: ok"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invisible")
    void controlAndInvisibleCharactersAreWrittenAsEscapes(String raw, String shown) {
        assertThat(InputText.visible(raw)).isEqualTo(shown);
        assertThat(InputText.hasInvisible(InputText.visible(raw))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "verify-full;password=Zq7x9, 'verify-full;...'",
        "require?PGPASSWORD=Zq7x9, 'require?PG...'",
        "user%3AZq7x9, 'user...'",
        "x&Pwd=Zq7x9, 'x&...'",
    })
    void quotedInputStopsBeforeAPasswordKey(String raw, String start) {
        assertThat(InputText.quote(raw)).startsWith("'" + start).doesNotContain("Zq7x9").contains("not shown");
    }
}
