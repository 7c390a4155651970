package crdb.workshop.common.echo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a line too long for a person is shortened. */
class EchoLineTest {

    @Test
    void aLineThatFitsIsLeftAlone() {
        assertThat(EchoLine.cut("SQL COMMIT", 160, null)).isEqualTo("SQL COMMIT");
    }

    @Test
    void aLongLineIsCutAtAValuesEndAndSaysWhatWasLeftOut() {
        String line = "SQL ==> Parameters: " + "12345(Long), ".repeat(1000).strip();

        String cut = EchoLine.cut(line, 160, "1,000 values in all");

        assertThat(cut).hasSizeLessThanOrEqualTo(160).endsWith("(Long), ... (1,000 values in all)");
    }

    @Test
    void withoutANameForWhatWasCutItCountsTheCharacters() {
        String line = "x".repeat(5816);

        String cut = EchoLine.cut(line, 160, null);

        assertThat(cut).hasSizeLessThanOrEqualTo(160).endsWith(" ... (+5,686 characters)");
    }

    @Test
    void repeatedValueTuplesShowTwoAndTheirCount() {
        String sql = "INSERT INTO t (a, b) VALUES " + "(?, ?) , ".repeat(99) + "(?, ?) ON CONFLICT DO NOTHING";

        assertThat(EchoLine.compactValues(sql))
                .isEqualTo("INSERT INTO t (a, b) VALUES (?, ?) , (?, ?) , ... (100 rows) ON CONFLICT DO NOTHING");
    }

    @Test
    void twoRowsAreShownAsTheyAre() {
        String sql = "INSERT INTO accounts (id, balance) VALUES (?, ?) , (?, ?)";

        assertThat(EchoLine.compactValues(sql)).isEqualTo(sql);
    }

    @Test
    void aLongListOfPlaceholdersShowsTwoAndTheirCount() {
        String sql = "SELECT id FROM accounts WHERE id IN ( " + "? , ".repeat(299) + "? )";

        assertThat(EchoLine.compactValues(sql)).isEqualTo("SELECT id FROM accounts WHERE id IN ( ? , ? , ... (300 values) )");
    }

    @Test
    void aThousandRowStatementIsCompactedWithoutExhaustingTheStack() {
        String sql = "INSERT INTO t (a, b, c, d) VALUES " + "(?, ?, ?, ?) , ".repeat(49_999) + "(?, ?, ?, ?)";

        assertThat(EchoLine.compactValues(sql))
                .isEqualTo("INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?) , (?, ?, ?, ?) , ... (50,000 rows)");
    }
}
