package crdb.workshop.common.chunk;

import java.util.Locale;
import java.util.OptionalLong;

/** The words both progress displays use, so a bar and a log line say the same thing. */
final class ProgressText {

    private ProgressText() {
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String retries(int retries) {
        return retries == 1 ? "1 retry" : count(retries) + " retries";
    }

    static OptionalLong totalChunks(OptionalLong totalRows, int chunkSize) {
        return totalRows.isPresent()
                ? OptionalLong.of((totalRows.getAsLong() + chunkSize - 1) / chunkSize)
                : OptionalLong.empty();
    }

    /** "3/10" when the number of chunks is known, "3" otherwise. */
    static String chunkOf(int chunk, OptionalLong totalChunks) {
        return totalChunks.isPresent() ? chunk + "/" + totalChunks.getAsLong() : String.valueOf(chunk);
    }

    static int percent(long rows, long total) {
        return total == 0 ? 100 : (int) (rows * 100 / total);
    }
}
