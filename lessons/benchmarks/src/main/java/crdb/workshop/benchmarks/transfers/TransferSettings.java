package crdb.workshop.benchmarks.transfers;

import crdb.workshop.benchmarks.JitWarmUp;
import crdb.workshop.benchmarks.transfers.load.LoadShape;
import crdb.workshop.benchmarks.transfers.load.RetrySettings;
import crdb.workshop.common.WorkshopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the transfer benchmark measures, from system properties (Maven passes {@code -Dbench.*}
 * through): bench.threads, bench.transfers (per thread), bench.accounts, bench.hot (the hot shares
 * to measure, comma-separated, 0 to 1), bench.repeats, bench.seconds (time limit of one run),
 * bench.seed, bench.maxAttempts, bench.initialBackoffMs, bench.maxBackoffMs (the retry policy, for
 * MyBatis and JDBC alike; pgbench gets the same attempts), bench.chart, bench.updateDocs, bench.profileSeconds (at most this long profiling each of two contenders; 0 skips the profile),
 * bench.warmUpSeconds (the longest warm-up, {@link JitWarmUp}), bench.reasons (print the retries by the server's
 * message, for reading a run).
 *
 * <p>Everything the benchmark writes goes under the module's target/ folder (pgbench's scripts
 * and logs in {@code workDir}); the chart too, unless {@code -Dbench.chart=FILE} names another
 * file or {@code -Dbench.updateDocs=true} asks for the pages' chart to be replaced.
 */
public record TransferSettings(LoadShape shape, List<Double> hotFractions, int repeats, Duration timeLimit,
        long seed, RetrySettings retry, Path chart, Path workDir, boolean showReasons, Duration profileTime,
        Duration warmUpLimit) {

    /** The chart the walkthrough page shows. */
    public static final String DOCS_CHART = "docs/images/03-transfer-benchmark.png";

    private static final String EXAMPLE = "Example: -Dbench.threads=8 -Dbench.transfers=250 -Dbench.accounts=100"
            + " -Dbench.hot=0,0.5,1 -Dbench.repeats=5 -Dbench.seconds=20";

    public static TransferSettings fromSystemProperties() {
        int threads = positive("bench.threads", "8");
        int transfers = positive("bench.transfers", "250");
        int accounts = positive("bench.accounts", "100");
        if (accounts < 2) {
            throw new WorkshopException("-Dbench.accounts=" + accounts + " is too few: a transfer needs two accounts."
                    + " " + EXAMPLE);
        }
        List<Double> hot = new ArrayList<>();
        for (String share : System.getProperty("bench.hot", "0,0.5,1").split(",")) {
            hot.add(share(share.strip()));
        }
        int repeats = positive("bench.repeats", "5");
        int seconds = positive("bench.seconds", "20");
        long seed = seed(System.getProperty("bench.seed", "42"));
        String chart = System.getProperty("bench.chart");
        boolean updateDocs = Boolean.parseBoolean(System.getProperty("bench.updateDocs", "false"));
        Path workDir = workspaceRoot().resolve("lessons/benchmarks/target/transfer-benchmark");
        // Opening balances far above the largest transfer: few transfers are refused for lack of funds.
        LoadShape shape = new LoadShape(threads, transfers, accounts, hot.get(0), 10_000, 100);
        return new TransferSettings(shape, List.copyOf(hot), repeats, Duration.ofSeconds(seconds), seed,
                new RetrySettings(positive("bench.maxAttempts", String.valueOf(RetrySettings.DEFAULTS.maxAttempts())),
                        Duration.ofMillis(positive("bench.initialBackoffMs",
                                String.valueOf(RetrySettings.DEFAULTS.initialBackoff().toMillis()))),
                        Duration.ofMillis(positive("bench.maxBackoffMs",
                                String.valueOf(RetrySettings.DEFAULTS.maxBackoff().toMillis())))),
                chart != null ? Path.of(chart)
                        : updateDocs ? workspaceRoot().resolve(DOCS_CHART) : workDir.resolve("03-transfer-benchmark.png"),
                workDir, Boolean.parseBoolean(System.getProperty("bench.reasons", "false")),
                Duration.ofSeconds(notNegative("bench.profileSeconds", "40")), JitWarmUp.limit(Duration.ofSeconds(60)));
    }

    private static int positive(String property, String fallback) {
        String value = System.getProperty(property, fallback);
        try {
            int n = Integer.parseInt(value.strip().replace("_", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new WorkshopException("-D" + property + "=" + value + " is not a positive whole number. " + EXAMPLE);
    }

    private static int notNegative(String property, String fallback) {
        String value = System.getProperty(property, fallback);
        try {
            int n = Integer.parseInt(value.strip().replace("_", ""));
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new WorkshopException("-D" + property + "=" + value + " is not a whole number of seconds, 0 or more. "
                + EXAMPLE);
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new WorkshopException("-Dbench.seed=" + value + " is not a whole number; the same seed plans the"
                    + " same transfers. " + EXAMPLE);
        }
    }

    private static double share(String value) {
        try {
            double share = Double.parseDouble(value);
            if (share >= 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new WorkshopException("-Dbench.hot: " + value + " is not a share from 0 to 1 (0.5 sends half the"
                + " transfers between the two hot accounts). " + EXAMPLE);
    }

    /** The folder holding mvnw and lessons/: Maven may start us there or in the module. */
    public static Path workspaceRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("mvnw")) && Files.isDirectory(d.resolve("lessons"))) {
                return d;
            }
        }
        return dir;
    }
}
