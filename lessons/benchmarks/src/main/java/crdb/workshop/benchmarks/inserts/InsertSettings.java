package crdb.workshop.benchmarks.inserts;

import crdb.workshop.benchmarks.JitWarmUp;
import crdb.workshop.common.WorkshopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What to measure, from system properties (Maven passes {@code -Dbench.rows=...} through):
 * bench.rows, bench.chunkSizes, bench.repeats, bench.chart, bench.updateDocs, bench.warmUpSeconds
 * (the longest warm-up, {@link JitWarmUp}).
 *
 * <p>The chart goes to the module's target/ folder, unless {@code -Dbench.chart=FILE} names
 * another file or {@code -Dbench.updateDocs=true} asks for the page's chart to be replaced.
 */
public record InsertSettings(int rows, List<Integer> chunkSizes, int repeats, Path chart, Duration warmUpLimit) {

    /** The chart the walkthrough page shows. */
    public static final String DOCS_CHART = "docs/images/04-insert-benchmark.png";

    public static InsertSettings fromSystemProperties() {
        int rows = positive("bench.rows", System.getProperty("bench.rows", "20000"));
        List<Integer> sizes = new ArrayList<>();
        for (String size : System.getProperty("bench.chunkSizes", "10,100,1000,10000").split(",")) {
            sizes.add(positive("bench.chunkSizes", size.strip()));
        }
        int repeats = positive("bench.repeats", System.getProperty("bench.repeats", "5"));
        String chart = System.getProperty("bench.chart");
        boolean updateDocs = Boolean.parseBoolean(System.getProperty("bench.updateDocs", "false"));
        Path root = workspaceRoot();
        return new InsertSettings(rows, List.copyOf(sizes), repeats, chart != null ? Path.of(chart)
                : updateDocs ? root.resolve(DOCS_CHART)
                : root.resolve("lessons/benchmarks/target/insert-benchmark/04-insert-benchmark.png"),
                JitWarmUp.limit(Duration.ofSeconds(60)));
    }

    private static int positive(String property, String value) {
        try {
            int n = Integer.parseInt(value.replace("_", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new WorkshopException("-D" + property + "=" + value + " is not a positive whole number. Example:"
                + " -Dbench.rows=20000 -Dbench.chunkSizes=10,100,1000,10000 -Dbench.repeats=5");
    }

    /** The folder holding mvnw and lessons/: Maven may start us there or in the module. */
    private static Path workspaceRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("mvnw")) && Files.isDirectory(d.resolve("lessons"))) {
                return d;
            }
        }
        return dir;
    }
}
