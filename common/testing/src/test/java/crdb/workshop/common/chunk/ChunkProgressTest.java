package crdb.workshop.common.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What the progress displays print, fed the reports a writer would send them. */
class ChunkProgressTest {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    private static ChunkedWriteReport after(long rows, int chunks, int retries) {
        return new ChunkedWriteReport(rows, chunks, retries, Duration.ofMillis(chunks));
    }

    private String printed() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void linesAppearForEachTenthOfAKnownTotal() {
        ChunkProgress lines = ChunkProgress.lines(out);
        lines.started(OptionalLong.of(10_000), 500);
        for (int chunk = 1; chunk <= 20; chunk++) {
            lines.chunkCommitted(after(chunk * 500L, chunk, chunk == 20 ? 1 : 0));
        }
        lines.finished(after(10_000, 20, 1));
        assertThat(printed().lines()).hasSize(10)
                .startsWith("  chunk 2/20: 1,000 of 10,000 rows (10%), 0 retries")
                .endsWith("  chunk 20/20: 10,000 of 10,000 rows (100%), 1 retry");
    }

    @Test
    void aShortLoadStillEndsOnItsLastChunk() {
        ChunkProgress lines = ChunkProgress.lines(out);
        lines.started(OptionalLong.of(5), 3);
        lines.chunkCommitted(after(3, 1, 0));
        lines.chunkCommitted(after(5, 2, 0));
        assertThat(printed().lines()).containsExactly(
                "  chunk 1/2: 3 of 5 rows (60%), 0 retries",
                "  chunk 2/2: 5 of 5 rows (100%), 0 retries");
    }

    @Test
    void linesThinOutWhenTheTotalIsUnknown() {
        ChunkProgress lines = ChunkProgress.lines(out);
        lines.started(OptionalLong.empty(), 10);
        for (int chunk = 1; chunk <= 250; chunk++) {
            lines.chunkCommitted(after(chunk * 10L, chunk, 2));
        }
        assertThat(printed().lines()).hasSize(10 + 9 + 1) // 1..10, 20..100, 200
                .contains("  chunk 7: 70 rows, 2 retries", "  chunk 30: 300 rows, 2 retries")
                .last().isEqualTo("  chunk 200: 2,000 rows, 2 retries");
    }

    @Test
    void theBarRedrawsOneLineAndEndsIt() {
        ChunkProgress bar = ChunkProgress.bar(out);
        bar.started(OptionalLong.of(10_000), 1_000);
        bar.chunkCommitted(after(3_000, 3, 0));
        bar.finished(after(10_000, 10, 0));
        String text = printed();
        assertThat(text).doesNotContain("\n  ").endsWith("\n");
        assertThat(text.substring(text.lastIndexOf('\r') + 1)).isEqualTo(
                "  [##############################] 100%  10,000/10,000 rows  chunk 10/10  0 retries\n");
    }

    @Test
    void theBarDrawsAProportionalFill() {
        ProgressBar bar = new ProgressBar(out);
        bar.started(OptionalLong.of(10_000), 1_000);
        assertThat(bar.render(after(3_000, 3, 1)))
                .isEqualTo("[#########---------------------]  30%  3,000/10,000 rows  chunk 3/10  1 retry");
    }

    @Test
    void outputThatIsNotTheTerminalGetsLines() {
        assertThat(ChunkProgress.forOutput(out)).isInstanceOf(ProgressLines.class);
    }
}
