package crdb.workshop.common.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutputPatternTest {

    private static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }

    @Test
    void placeholdersMatchIdsNumbersAndFreeText() {
        OutputPattern pattern = new OutputPattern(lines("""
                Database: <any>
                account id: <uuid>  balance: $<n>
                rate: <num> rows/s"""));

        assertThat(pattern.mismatch(lines("""
                Database: embedded PostgreSQL 17.6 (no Docker)
                account id: 2e964b45-2034-49a7-8ab8-c5d0082b71f1  balance: $1000
                rate: 12,345.6 rows/s
                """))).isEmpty();
    }

    @Test
    void literalTextMustMatchExactly() {
        OutputPattern pattern = new OutputPattern(lines("account id: <uuid>  balance: $900"));

        assertThat(pattern.mismatch(lines("account id: 2e964b45-2034-49a7-8ab8-c5d0082b71f1  balance: $1000")))
                .hasValueSatisfying(m -> assertThat(m).contains("expected line 1").contains("$1000"));
        assertThat(pattern.mismatch(lines("account id: not-a-uuid  balance: $900"))).isPresent();
    }

    @Test
    void anEllipsisLineMatchesAnyNumberOfLines() {
        OutputPattern pattern = new OutputPattern(lines("first\n...\nlast"));

        assertThat(pattern.mismatch(lines("first\nlast"))).isEmpty();
        assertThat(pattern.mismatch(lines("first\na\nb\nc\nlast"))).isEmpty();
        assertThat(pattern.mismatch(lines("first\na\nb"))).isPresent();
    }

    @Test
    void extraOrMissingLinesAreMismatches() {
        OutputPattern pattern = new OutputPattern(lines("one\ntwo"));

        assertThat(pattern.mismatch(lines("one\ntwo\nthree"))).hasValueSatisfying(m -> assertThat(m)
                .contains("<end of output>").contains("three"));
        assertThat(pattern.mismatch(lines("one"))).isPresent();
    }
}
