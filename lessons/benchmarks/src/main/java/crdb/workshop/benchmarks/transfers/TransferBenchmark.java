package crdb.workshop.benchmarks.transfers;

import com.zaxxer.hikari.HikariDataSource;
import crdb.workshop.benchmarks.BenchmarkSchema;
import crdb.workshop.benchmarks.JitWarmUp;
import crdb.workshop.benchmarks.RunConditions;
import crdb.workshop.benchmarks.transfers.BenchmarkResults;
import crdb.workshop.benchmarks.transfers.Pgbench;
import crdb.workshop.benchmarks.transfers.PlanCheck;
import crdb.workshop.benchmarks.transfers.RoundTrips;
import crdb.workshop.benchmarks.transfers.TransferChart;
import crdb.workshop.benchmarks.transfers.TransferSettings;
import crdb.workshop.benchmarks.transfers.load.Contender;
import crdb.workshop.benchmarks.transfers.load.LoadResult;
import crdb.workshop.benchmarks.transfers.load.LoadRunner;
import crdb.workshop.benchmarks.transfers.load.LoadShape;
import crdb.workshop.benchmarks.transfers.load.Workload;
import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The three transfer strategies under contention, through MyBatis and as hand-written JDBC, in one
 * run on one machine: committed transfers per second, retries per commit, latencies, failures and
 * the invariants, at a few hot shares; ratios against the JDBC baselines; and a chart.
 *
 * <pre>
 * ./mvnw -q -pl lessons/benchmarks -am compile exec:java -Dexec.mainClass=crdb.workshop.benchmarks.transfers.TransferBenchmark
 *     [-Dbench.threads=8] [-Dbench.transfers=250] [-Dbench.accounts=100] [-Dbench.hot=0,0.5,1]
 *     [-Dbench.repeats=5] [-Dbench.seconds=20] [-Dbench.seed=42] [-Dbench.chart=file.png] [-Dbench.warmUpSeconds=60]
 * </pre>
 *
 * Every contender runs the same planned transfers from the same starting balances, on the same
 * connection pool, with the same retry settings. The runs are interleaved (each repeat goes over
 * every hot share and every contender, in a changing order) so that drift in the machine's speed
 * spreads over all of them; the median rate of the repeats is reported.
 */
public final class TransferBenchmark {

    /** Issue 14's targets: MyBatis against hand-written JDBC, and both against pgbench. */
    private static final double FOR_UPDATE_TARGET = 0.95;
    private static final double THROUGHPUT_TARGET = 0.9;
    private static final double JDBC_TO_PGBENCH_TARGET = 0.9;
    private static final double MYBATIS_TO_PGBENCH_TARGET = 0.85;
    private static final double RETRY_TARGET = 0.05;

    private TransferBenchmark() {
    }

    public static void main(String[] args) {
        LessonRunner.main(args, TransferBenchmark::run);
    }

    /** The benchmark, with its settings from system properties (Maven passes -Dbench.* through). */
    public static void run(Database database, PrintStream out) throws Exception {
        TransferSettings settings = TransferSettings.fromSystemProperties();
        // Accounts and transfers of its own, in a schema made for this run and dropped after it.
        try (BenchmarkSchema schema = BenchmarkSchema.create(database, "transfer_benchmark",
                "crdb/workshop/transfers/schema.sql")) {
            out.println("Working in schema " + schema.name() + ", made for this run and dropped at its end: no"
                    + " account or transfer outside it is read or changed.");
            run(schema.database(), database, settings, out);
        }
    }

    /** The benchmark, on {@code database} (the benchmark's own schema); {@code admin} reads server statistics. */
    private static void run(Database database, Database admin, TransferSettings settings, PrintStream out)
            throws Exception {
        LoadRunner runner = new LoadRunner(database);
        List<Contender> contenders = new ArrayList<>(Contender.all(database, settings.retry()));
        LoadShape shape = settings.shape();
        StringBuilder noPgbench = new StringBuilder();
        Optional<Pgbench> pgbench = Pgbench.find(database, settings.workDir().resolve("pgbench"), noPgbench);
        if (pgbench.isPresent()) {
            for (String strategy : List.of(Contender.READ_MODIFY_WRITE, Contender.SELECT_FOR_UPDATE,
                    Contender.SINGLE_STATEMENT)) {
                contenders.add(Contender.pgbench(strategy));
            }
        }
        out.printf(Locale.ROOT, "Transfer benchmark: %d threads x %d transfers over %d accounts; hot shares: %s;"
                        + " repeats: %d; cores: %d.%n", shape.threads(), shape.transfersPerThread(), shape.accounts(),
                settings.hotFractions().stream().map(TransferChart::label).collect(Collectors.joining(", ")),
                settings.repeats(), Runtime.getRuntime().availableProcessors());
        out.println("Retries, for MyBatis and JDBC alike: " + settings.retry() + ".");
        out.println(pgbench.map(p -> "pgbench: " + p.version() + ", the same SQL from " + shape.threads()
                + " clients, --max-tries=" + settings.retry().maxAttempts() + " (it retries at once, without"
                + " backoff).").orElse("pgbench: not run (" + noPgbench + ")."));
        String durability = durability(database);
        out.println("Durability: " + durability + ".");
        if (database.dataSource() instanceof HikariDataSource pool) {
            out.printf(Locale.ROOT, "Pool: up to %d connections%s.%n", pool.getMaximumPoolSize(),
                    pool.getMaximumPoolSize() <= shape.threads() ? " (fewer than threads + 1: threads will queue for"
                            + " connections; set -Dworkshop.poolSize=" + (shape.threads() + 2) + ")" : "");
        }
        out.printf(Locale.ROOT, "Load average before: %.1f (other processes on these cores slow every contender"
                + " alike).%n", RunConditions.loadAverage());

        out.println("Warming up (every contender, not measured, until the JIT compiler is done)...");
        Workload warmUp = Workload.plan(new LoadShape(shape.threads(), Math.min(100, shape.transfersPerThread()),
                shape.accounts(), 0, shape.openingBalance(), shape.maxAmount()), -1);
        JitWarmUp.run(round -> {
            for (Contender contender : contenders) {
                check(run(contender, warmUp, runner, pgbench, settings));
            }
        }, 2, settings.warmUpLimit(), out);
        runner.clean(warmUp);
        String plans = PlanCheck.describe(database);
        if (plans != null) {
            out.println(plans);
        }
        RoundTrips.count(database, admin, shape, settings.retry(), settings.timeLimit(), out);
        out.println();

        BenchmarkResults results = new BenchmarkResults(contenders, settings.hotFractions());
        for (int repeat = 0; repeat < settings.repeats(); repeat++) {
            out.printf("Run %d of %d...%n", repeat + 1, settings.repeats());
            for (double hot : settings.hotFractions()) {
                Workload workload = Workload.plan(shape.withHotFraction(hot), settings.seed() + repeat);
                for (Contender contender : order(contenders, repeat)) {
                    results.add(hot, check(run(contender, workload, runner, pgbench, settings)));
                }
                runner.clean(workload);
            }
        }
        double loadAfter = RunConditions.loadAverage();
        out.printf(Locale.ROOT, "Load average after: %.1f%n", loadAfter);
        List<ClientProfile> profiles = new ArrayList<>();
        if (!settings.profileTime().isZero()) {
            out.println("Profiling SELECT FOR UPDATE, MyBatis and JDBC, one uniform run each under JFR (not timed)...");
            Workload uniform = Workload.plan(shape.withHotFraction(0), settings.seed() - 1);
            for (Contender c : contenders) {
                if (c.strategy().equals(Contender.SELECT_FOR_UPDATE) && c.kind() != Contender.Kind.PGBENCH) {
                    profiles.add(ClientProfile.record(runner, c, uniform, settings.timeLimit(),
                            settings.profileTime(), settings.workDir().resolve("profile")));
                }
            }
            runner.clean(uniform);
        }

        printTables(out, results, settings);
        printRatios(out, results);
        if (profiles.size() == 2) {
            printProfiles(out, results, profiles.get(0), profiles.get(1));
        }
        printTargets(out, results, settings);
        String subtitle = String.format(Locale.ROOT, "%s, %s, %d threads, %d accounts, median of %d, %d cores,"
                + " load %.1f", database.shortVersion().strip(), durability, shape.threads(), shape.accounts(),
                settings.repeats(),
                Runtime.getRuntime().availableProcessors(), loadAfter);
        TransferChart.write(results, subtitle, settings.chart());
        out.println("Chart: " + settings.chart());
    }

    private static LoadResult run(Contender contender, Workload workload, LoadRunner runner,
            Optional<Pgbench> pgbench, TransferSettings settings) throws Exception {
        if (contender.kind() == Contender.Kind.PGBENCH) {
            return pgbench.orElseThrow().run(contender, workload, settings.retry().maxAttempts(), runner);
        }
        return runner.run(contender, workload, settings.timeLimit());
    }

    /**
     * Strategies in a rotating order; within a strategy, MyBatis, JDBC and pgbench take turns at
     * going first, so that none always runs on a fresher (or a more tired) machine.
     */
    private static List<Contender> order(List<Contender> contenders, int repeat) {
        List<String> strategies = new ArrayList<>(contenders.stream().map(Contender::strategy).distinct().toList());
        Collections.rotate(strategies, repeat);
        List<Contender> ordered = new ArrayList<>();
        for (String strategy : strategies) {
            List<Contender> twins = new ArrayList<>(contenders.stream().filter(c -> c.strategy().equals(strategy))
                    .toList());
            Collections.rotate(twins, repeat);
            ordered.addAll(twins);
        }
        return ordered;
    }

    /** The server's durability settings, or why they could not be read: the benchmark goes on without them. */
    private static String durability(Database database) {
        try {
            return RunConditions.durability(database);
        } catch (java.sql.SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** A run that breaks an invariant is a bug, not a data point: stop before anything is charted. */
    private static LoadResult check(LoadResult result) {
        List<String> problems = result.invariants().problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(result.contender().name() + " broke the invariants: " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
        }
        return result;
    }

    private static void printTables(PrintStream out, BenchmarkResults results, TransferSettings settings) {
        for (double hot : results.hotFractions()) {
            out.println();
            out.printf(Locale.ROOT, "Hot share %s: %d threads x %d transfers, %d accounts:%n", TransferChart.label(hot),
                    settings.shape().threads(), settings.shape().transfersPerThread(), settings.shape().accounts());
            out.printf(Locale.ROOT, "%-28s %9s %11s %14s %11s %7s %7s %8s  %s%n", "contender", "committed",
                    "transfers/s", "retries/commit", "CPU us/tx", "p50 ms", "p99 ms", "max ms",
                    "refused, failed, not run; invariants");
            for (Contender c : results.contenders()) {
                out.printf(Locale.ROOT, "%-28s %9d %11.1f %14.3f %11.0f %7.1f %7.1f %8.1f  %s%n", c.name(),
                        results.committed(c, hot), results.transfersPerSecond(c, hot), results.retriesPerCommit(c, hot),
                        results.cpuMicrosPerCommit(c, hot),
                        results.latencyMillis(c, hot, 50), results.latencyMillis(c, hot, 99),
                        results.latencyMillis(c, hot, 100),
                        OutcomeColumn.of(results, c, hot, "invariants held", "INVARIANTS BROKEN"));
            }
            out.println("Attempts each committed transfer took (attempts: transfers):");
            for (Contender c : results.contenders()) {
                out.printf(Locale.ROOT, "  %-26s %s%n", c.name(), results.attempts(c, hot).entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%d: %,d", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")));
            }
            if (settings.showReasons()) {
                out.println("Retries by the server's message:");
                for (Contender c : results.contenders()) {
                    results.retryReasons(c, hot).forEach((reason, n) ->
                            out.printf(Locale.ROOT, "  %-26s %,7d  %s%n", c.name(), n, reason));
                }
            }
        }
    }

    private static void printRatios(PrintStream out, BenchmarkResults results) {
        out.println();
        out.println("MyBatis against its JDBC baseline, transfers per second: the median of each repeat's ratio (same"
                + " strategy, same transfers, run back to back; 1.00 = as fast), and the lowest to the highest:");
        out.printf("%-28s", "strategy");
        results.hotFractions().forEach(hot -> out.printf("%22s", TransferChart.label(hot)));
        out.println();
        for (Contender c : results.contenders()) {
            if (c.kind() == Contender.Kind.MYBATIS) {
                ratioRow(out, results, c.strategy(), c, results.baselineOf(c));
            }
        }
        out.println();
        out.println("Client CPU per committed transfer, microseconds (the load threads' CPU time, ThreadMXBean;"
                + " pgbench: its process's user and system time), and MyBatis against its JDBC baseline:");
        out.printf("%-28s", "contender");
        results.hotFractions().forEach(hot -> out.printf("%22s", TransferChart.label(hot)));
        out.println();
        for (Contender c : results.contenders()) {
            out.printf("%-28s", c.name());
            for (double hot : results.hotFractions()) {
                double cpu = results.cpuMicrosPerCommit(c, hot);
                out.printf(Locale.ROOT, "%22s", c.kind() == Contender.Kind.MYBATIS
                        ? String.format(Locale.ROOT, "%.0f (%.2fx)", cpu, cpu / results.cpuMicrosPerCommit(
                                results.baselineOf(c), hot))
                        : String.format(Locale.ROOT, "%.0f", cpu));
            }
            out.println();
        }
        if (results.contenders().stream().anyMatch(c -> c.kind() == Contender.Kind.PGBENCH)) {
            out.println();
            out.println("JDBC and MyBatis against pgbench (C and libpq) sending the same SQL, transfers per second,"
                    + " paired by repeat as above:");
            for (Contender c : results.contenders()) {
                if (c.kind() != Contender.Kind.PGBENCH) {
                    results.named(c.strategy(), Contender.Kind.PGBENCH)
                            .ifPresent(pgbench -> ratioRow(out, results, c.name(), c, pgbench));
                }
            }
        }
    }

    /** The profile split: each layer's share of the client CPU and its microseconds per transfer. */
    private static void printProfiles(PrintStream out, BenchmarkResults results, ClientProfile myBatis,
            ClientProfile jdbc) {
        // The profiler inflates the CPU it watches: shares come from the profile, microseconds from the timed runs.
        double hot = results.hotFractions().contains(0.0) ? 0.0 : results.hotFractions().get(0);
        double myBatisCpu = results.cpuMicrosPerCommit(myBatis.contender(), hot);
        double jdbcCpu = results.cpuMicrosPerCommit(jdbc.contender(), hot);
        out.println();
        out.printf(Locale.ROOT, "Where the client CPU goes, SELECT FOR UPDATE at uniform load (JFR execution samples of"
                + " the load threads every 1 ms, each counted for its innermost frame outside the JDK; %,d samples"
                + " in %d runs for MyBatis, %,d in %d for JDBC; us/tx = the share x the timed runs' CPU per committed"
                + " transfer at %s):%n", myBatis.total(), myBatis.runs(), jdbc.total(), jdbc.runs(),
                TransferChart.label(hot));
        out.printf(Locale.ROOT, "%-44s %8s %8s %8s %8s %14s%n", "layer", "MyBatis", "us/tx", "JDBC", "us/tx",
                "MyBatis - JDBC");
        for (String layer : ClientProfile.layerNames()) {
            out.printf(Locale.ROOT, "%-44s %7.1f%% %8.0f %7.1f%% %8.0f %14.0f%n", layer, 100 * myBatis.share(layer),
                    myBatis.micros(layer, myBatisCpu), 100 * jdbc.share(layer), jdbc.micros(layer, jdbcCpu),
                    myBatis.micros(layer, myBatisCpu) - jdbc.micros(layer, jdbcCpu));
        }
        out.printf(Locale.ROOT, "%-44s %8s %8.0f %8s %8.0f %14.0f%n", "client CPU per committed transfer", "",
                myBatisCpu, "", jdbcCpu, myBatisCpu - jdbcCpu);
        out.println("  The workspace core's samples by class (MyBatis run): " + (myBatis.workspaceClasses().isEmpty()
                ? "none" : myBatis.workspaceClasses().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        double ours = myBatis.share(ClientProfile.WORKSPACE);
        out.printf(Locale.ROOT, "  This workspace's own layers: %.1f%% of the MyBatis contender's client CPU (target under"
                + " 2%%: %s); MyBatis itself: %.1f%%.%n", 100 * ours, ours < 0.02 ? "met" : "MISSED",
                100 * myBatis.share(ClientProfile.MYBATIS));
        out.println("  Recordings: " + myBatis.recording() + ", " + jdbc.recording());
    }

    private static void ratioRow(PrintStream out, BenchmarkResults results, String label, Contender c,
            Contender baseline) {
        out.printf("%-28s", label);
        for (double hot : results.hotFractions()) {
            double[] range = results.ratioRange(c, baseline, hot);
            out.printf(Locale.ROOT, "%22s", String.format(Locale.ROOT, "%.2f (%.2f-%.2f)",
                    results.ratio(c, baseline, hot), range[0], range[1]));
        }
        out.println();
    }

    private static void printTargets(PrintStream out, BenchmarkResults results, TransferSettings settings) {
        out.println();
        out.println("Targets (median of the paired ratios; the range is the lowest to the highest repeat):");
        for (Contender c : results.contenders()) {
            if (c.kind() == Contender.Kind.MYBATIS) {
                double target = c.strategy().equals(Contender.SELECT_FOR_UPDATE) ? FOR_UPDATE_TARGET : THROUGHPUT_TARGET;
                target(out, results, c, results.baselineOf(c), target);
            }
        }
        for (Contender c : results.contenders()) {
            if (c.kind() != Contender.Kind.PGBENCH) {
                Optional<Contender> pgbench = results.named(c.strategy(), Contender.Kind.PGBENCH);
                if (pgbench.isPresent()) {
                    target(out, results, c, pgbench.get(), c.jdbc() ? JDBC_TO_PGBENCH_TARGET : MYBATIS_TO_PGBENCH_TARGET);
                }
            }
        }
        Contender forUpdate = results.named(Contender.SELECT_FOR_UPDATE, false);
        if (settings.shape().threads() == 8 && results.hotFractions().contains(1.0)) {
            double retries = results.retriesPerCommit(forUpdate, 1.0);
            out.printf(Locale.ROOT, "  SELECT FOR UPDATE retries per commit, 8 threads on the 2 hot accounts: %.3f"
                    + " (target at most %.2f: %s)%n", retries, RETRY_TARGET, retries <= RETRY_TARGET ? "met" : "MISSED");
        } else {
            out.println("  SELECT FOR UPDATE retries per commit, 8 threads on the 2 hot accounts: not measured"
                    + " (needs -Dbench.threads=8 and 1 among -Dbench.hot)");
        }
    }

    /** One target line: {@code c} against {@code baseline} at every hot share, met only if met at all. */
    private static void target(PrintStream out, BenchmarkResults results, Contender c, Contender baseline,
            double target) {
        boolean met = true;
        List<String> ratios = new ArrayList<>();
        for (double hot : results.hotFractions()) {
            double ratio = results.ratio(c, baseline, hot);
            double[] range = results.ratioRange(c, baseline, hot);
            met &= ratio >= target;
            ratios.add(String.format(Locale.ROOT, "%.2fx (%.2f-%.2f) at %s", ratio, range[0], range[1],
                    TransferChart.label(hot)));
        }
        out.printf(Locale.ROOT, "  %s against %s: %s (target at least %.2fx: %s)%n", c.name(), baseline.name(),
                String.join(", ", ratios), target, met ? "met" : "MISSED");
    }
}
