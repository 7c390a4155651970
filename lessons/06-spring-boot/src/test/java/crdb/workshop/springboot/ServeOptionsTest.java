package crdb.workshop.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.WorkshopException;
import org.junit.jupiter.api.Test;

/** Lesson 06's flags: loopback unless --serve-on names an address, and a URL that says where it listens. */
class ServeOptionsTest {

    @Test
    void serveListensOnLoopbackAndSaysSo() {
        ServeOptions options = ServeOptions.parse("--serve", "--verbose");

        assertThat(options.untilEnter()).isTrue();
        assertThat(options.address()).isEqualTo("127.0.0.1");
        assertThat(options.url("8080")).isEqualTo("http://127.0.0.1:8080");
        assertThat(options.rest()).containsExactly("--verbose");
    }

    @Test
    void withoutServeTheLessonStopsAfterItsTransferOnLoopback() {
        ServeOptions options = ServeOptions.parse("--echo-sql");

        assertThat(options.untilEnter()).isFalse();
        assertThat(options.address()).isEqualTo("127.0.0.1");
        assertThat(options.rest()).containsExactly("--echo-sql");
    }

    @Test
    void theHelpSaysWhatListeningElsewhereExposes() {
        assertThat(ServeOptions.HELP).contains("--serve-on=ADDRESS").contains("no authentication")
                .contains("post transfers");
    }

    @Test
    void serveOnNamesTheAddressAndTheUrlShowsIt() {
        assertThat(ServeOptions.parse("--serve-on=0.0.0.0").url("9000")).isEqualTo("http://0.0.0.0:9000");
        assertThat(ServeOptions.parse("--serve-on=::").url("9000")).isEqualTo("http://[::]:9000");
    }

    @Test
    void serveOnWithoutAnAddressIsRefusedInOneLine() {
        assertThatThrownBy(() -> ServeOptions.parse("--serve-on=")).isInstanceOf(WorkshopException.class)
                .hasMessageContaining("--serve-on needs an IP address").hasMessageNotContaining("\n");
    }

    @Test
    void serveOnRefusesWhatCannotBeAnAddress() {
        assertThatThrownBy(() -> ServeOptions.parse("--serve-on=0.0.0.0;rm")).isInstanceOf(WorkshopException.class);
        assertThatThrownBy(() -> ServeOptions.parse("--serve-on=\u001b[2J")).isInstanceOf(WorkshopException.class);
    }
}
