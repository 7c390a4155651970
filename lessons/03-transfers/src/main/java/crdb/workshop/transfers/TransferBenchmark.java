package crdb.workshop.transfers;

import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import crdb.workshop.transfers.benchmark.BenchmarkChart;
import crdb.workshop.transfers.benchmark.BenchmarkResults;
import crdb.workshop.transfers.benchmark.BenchmarkSettings;
import crdb.workshop.transfers.benchmark.RoundTrips;
import crdb.workshop.transfers.load.Contender;
import crdb.workshop.transfers.load.LoadResult;
import crdb.workshop.transfers.load.LoadRunner;
import crdb.workshop.transfers.load.LoadShape;
import crdb.workshop.transfers.load.Workload;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The three transfer strategies under contention, through MyBatis and as hand-written JDBC, in one
 * run on one machine: committed transfers per second, retries per commit, latencies, failures and
 * the invariants, at a few hot shares; ratios against the JDBC baselines; and a chart.
 *
 * <pre>
 * ./mvnw -q -pl lessons/03-transfers -am compile exec:java -Dexec.mainClass=crdb.workshop.transfers.TransferBenchmark
 *     [-Dbench.threads=8] [-Dbench.transfers=250] [-Dbench.accounts=100] [-Dbench.hot=0,0.5,1]
 *     [-Dbench.repeats=5] [-Dbench.seconds=20] [-Dbench.seed=42] [-Dbench.chart=file.png]
 * </pre>
 *
 * Every contender runs the same planned transfers from the same starting balances, on the same
 * connection pool, with the same retry settings. The runs are interleaved (each repeat goes over
 * every hot share and every contender, in a changing order) so that drift in the machine's speed
 * spreads over all of them; the median rate of the repeats is reported.
 */
public final class TransferBenchmark {

    private static final double THROUGHPUT_TARGET = 0.9;
    private static final double RETRY_TARGET = 0.05;

    private TransferBenchmark() {
    }

    public static void main(String[] args) {
        LessonRunner.main(args, TransferBenchmark::run);
    }

    static void run(Database database, PrintStream out) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        LoadRunner runner = new LoadRunner(database);
        List<Contender> contenders = Contender.all(database, settings.retry());
        LoadShape shape = settings.shape();
        out.printf(Locale.ROOT, "Transfer benchmark: %d threads x %d transfers over %d accounts; hot shares: %s;"
                        + " repeats: %d; cores: %d.%n", shape.threads(), shape.transfersPerThread(), shape.accounts(),
                settings.hotFractions().stream().map(BenchmarkChart::label).collect(Collectors.joining(", ")),
                settings.repeats(), Runtime.getRuntime().availableProcessors());
        out.println("Retries, for MyBatis and JDBC alike: " + settings.retry() + ".");
        out.printf(Locale.ROOT, "Load average before: %.1f (other processes on these cores slow every contender"
                + " alike).%n", loadAverage());

        out.println("Warming up (each contender twice, not measured)...");
        Workload warmUp = Workload.plan(new LoadShape(shape.threads(), Math.min(100, shape.transfersPerThread()),
                shape.accounts(), 0, shape.openingBalance(), shape.maxAmount()), -1);
        for (int round = 0; round < 2; round++) {
            for (Contender contender : contenders) {
                check(runner.run(contender, warmUp, settings.timeLimit()));
            }
        }
        runner.clean(warmUp);
        RoundTrips.count(database, shape, settings.retry(), settings.timeLimit(), out);
        out.println();

        BenchmarkResults results = new BenchmarkResults(contenders, settings.hotFractions());
        for (int repeat = 0; repeat < settings.repeats(); repeat++) {
            out.printf("Run %d of %d...%n", repeat + 1, settings.repeats());
            for (double hot : settings.hotFractions()) {
                Workload workload = Workload.plan(shape.withHotFraction(hot), settings.seed() + repeat);
                for (Contender contender : order(contenders, repeat)) {
                    results.add(hot, check(runner.run(contender, workload, settings.timeLimit())));
                }
                runner.clean(workload);
            }
        }
        double loadAfter = loadAverage();
        out.printf(Locale.ROOT, "Load average after: %.1f%n", loadAfter);

        printTables(out, results, settings);
        printRatios(out, results);
        printTargets(out, results, settings);
        String subtitle = String.format(Locale.ROOT, "%s, %d threads, %d accounts, median of %d, %d cores, load %.1f",
                database.shortVersion().strip(), shape.threads(), shape.accounts(), settings.repeats(),
                Runtime.getRuntime().availableProcessors(), loadAfter);
        BenchmarkChart.write(results, subtitle, settings.chart());
        out.println("Chart: " + settings.chart());
    }

    /**
     * Strategies in a rotating order; in every other repeat, each JDBC baseline runs before its
     * MyBatis twin instead of after it.
     */
    private static List<Contender> order(List<Contender> contenders, int repeat) {
        List<String> strategies = new ArrayList<>(contenders.stream().map(Contender::strategy).distinct().toList());
        Collections.rotate(strategies, repeat);
        List<Contender> ordered = new ArrayList<>();
        for (String strategy : strategies) {
            contenders.stream().filter(c -> c.strategy().equals(strategy))
                    .sorted((a, b) -> Boolean.compare(a.jdbc(), b.jdbc()) * (repeat % 2 == 0 ? 1 : -1))
                    .forEach(ordered::add);
        }
        return ordered;
    }

    /** A run that breaks an invariant is a bug, not a data point: stop before anything is charted. */
    private static LoadResult check(LoadResult result) {
        if (!result.invariants().hold()) {
            throw new IllegalStateException(result.contender().name() + " broke the invariants: "
                    + String.join("; ", result.invariants().problems()));
        }
        return result;
    }

    private static void printTables(PrintStream out, BenchmarkResults results, BenchmarkSettings settings) {
        for (double hot : results.hotFractions()) {
            out.println();
            out.printf(Locale.ROOT, "Hot share %s: %d threads x %d transfers, %d accounts:%n", BenchmarkChart.label(hot),
                    settings.shape().threads(), settings.shape().transfersPerThread(), settings.shape().accounts());
            out.printf(Locale.ROOT, "%-28s %9s %11s %14s %7s %7s %8s  %s%n", "contender", "committed", "transfers/s",
                    "retries/commit", "p50 ms", "p99 ms", "max ms", "refused, failed, not run; invariants");
            for (Contender c : results.contenders()) {
                out.printf(Locale.ROOT, "%-28s %9d %11.1f %14.3f %7.1f %7.1f %8.1f  %s%n", c.name(),
                        results.committed(c, hot), results.transfersPerSecond(c, hot), results.retriesPerCommit(c, hot),
                        results.latencyMillis(c, hot, 50), results.latencyMillis(c, hot, 99),
                        results.latencyMillis(c, hot, 100), outcomes(results, c, hot));
            }
        }
    }

    private static String outcomes(BenchmarkResults results, Contender c, double hot) {
        List<String> parts = new ArrayList<>();
        parts.add(describe("refused", results.refused(c, hot)));
        parts.add(describe("failed", results.errors(c, hot)));
        long notRun = results.notRun(c, hot);
        parts.add(notRun == 0 ? "all run" : notRun + " not run (time limit)");
        parts.add(results.invariantProblems(c, hot).isEmpty() ? "invariants held" : "INVARIANTS BROKEN");
        return String.join("; ", parts);
    }

    private static String describe(String what, Map<String, Long> kinds) {
        return kinds.isEmpty() ? "none " + what : what + " " + kinds.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    private static void printRatios(PrintStream out, BenchmarkResults results) {
        out.println();
        out.println("MyBatis against its JDBC baseline, transfers per second: the median of each repeat's ratio (same"
                + " strategy, same transfers, run back to back; 1.00 = as fast), and the lowest to the highest:");
        out.printf("%-20s", "strategy");
        results.hotFractions().forEach(hot -> out.printf("%22s", BenchmarkChart.label(hot)));
        out.println();
        for (Contender c : results.contenders()) {
            if (c.jdbc()) {
                continue;
            }
            out.printf("%-20s", c.strategy());
            for (double hot : results.hotFractions()) {
                double[] range = results.ratioRange(c, hot);
                out.printf(Locale.ROOT, "%22s", String.format(Locale.ROOT, "%.2f (%.2f-%.2f)",
                        results.ratioToBaseline(c, hot), range[0], range[1]));
            }
            out.println();
        }
    }

    private static void printTargets(PrintStream out, BenchmarkResults results, BenchmarkSettings settings) {
        Contender forUpdate = results.named(Contender.SELECT_FOR_UPDATE, false);
        out.println();
        out.println("Targets:");
        double lowest = Double.MAX_VALUE;
        List<String> ratios = new ArrayList<>();
        for (double hot : results.hotFractions()) {
            double ratio = results.ratioToBaseline(forUpdate, hot);
            lowest = Math.min(lowest, ratio);
            ratios.add(String.format(Locale.ROOT, "%.2fx at %s", ratio, BenchmarkChart.label(hot)));
        }
        out.printf(Locale.ROOT, "  SELECT FOR UPDATE through MyBatis against hand-written JDBC: %s (target at least"
                + " %.1fx: %s)%n", String.join(", ", ratios), THROUGHPUT_TARGET, lowest >= THROUGHPUT_TARGET ? "met"
                : "MISSED");
        if (settings.shape().threads() == 8 && results.hotFractions().contains(1.0)) {
            double retries = results.retriesPerCommit(forUpdate, 1.0);
            out.printf(Locale.ROOT, "  SELECT FOR UPDATE retries per commit, 8 threads on the 2 hot accounts: %.3f"
                    + " (target at most %.2f: %s)%n", retries, RETRY_TARGET, retries <= RETRY_TARGET ? "met" : "MISSED");
        } else {
            out.println("  SELECT FOR UPDATE retries per commit, 8 threads on the 2 hot accounts: not measured"
                    + " (needs -Dbench.threads=8 and 1 among -Dbench.hot)");
        }
    }

    /** The operating system's one-minute load average, or -1 where it has none. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
