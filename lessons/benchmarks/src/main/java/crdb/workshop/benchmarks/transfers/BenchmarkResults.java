package crdb.workshop.benchmarks.transfers;

import crdb.workshop.benchmarks.transfers.load.Contender;
import crdb.workshop.benchmarks.transfers.load.Latencies;
import crdb.workshop.benchmarks.transfers.load.LoadResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

/**
 * The runs of every contender at every hot share, and what they add up to: the median rate of
 * the runs; retries per commit and latencies over all of them; refusals and errors summed.
 */
public final class BenchmarkResults {

    private final List<Contender> contenders;
    private final List<Double> hotFractions;
    private final Map<String, List<LoadResult>> runs = new HashMap<>();

    public BenchmarkResults(List<Contender> contenders, List<Double> hotFractions) {
        this.contenders = List.copyOf(contenders);
        this.hotFractions = List.copyOf(hotFractions);
    }

    public void add(double hotFraction, LoadResult result) {
        runs.computeIfAbsent(key(result.contender(), hotFraction), k -> new ArrayList<>()).add(result);
    }

    public List<Contender> contenders() {
        return contenders;
    }

    public List<Double> hotFractions() {
        return hotFractions;
    }

    public List<LoadResult> runs(Contender contender, double hotFraction) {
        List<LoadResult> found = runs.get(key(contender, hotFraction));
        if (found == null) {
            throw new IllegalStateException("no runs of " + contender.name() + " at hot share " + hotFraction);
        }
        return found;
    }

    /** The median of the runs' committed transfers per second. */
    public double transfersPerSecond(Contender contender, double hotFraction) {
        return median(runs(contender, hotFraction).stream().mapToDouble(LoadResult::transfersPerSecond).toArray());
    }

    /**
     * MyBatis against JDBC: the median, over the repeats, of the contender's rate divided by its
     * JDBC baseline's rate in the same repeat. The two ran the same transfers, one right after the
     * other, so each ratio compares them at the same moment of the machine's day.
     */
    public double ratioToBaseline(Contender contender, double hotFraction) {
        return ratio(contender, baselineOf(contender), hotFraction);
    }

    /** As {@link #ratioToBaseline}, against any other contender that ran in the same repeats. */
    public double ratio(Contender contender, Contender baseline, double hotFraction) {
        return median(pairedRatios(contender, baseline, hotFraction));
    }

    /** The lowest and the highest of the repeats' ratios: how much a single run can be trusted. */
    public double[] ratioRange(Contender contender, double hotFraction) {
        return ratioRange(contender, baselineOf(contender), hotFraction);
    }

    public double[] ratioRange(Contender contender, Contender baseline, double hotFraction) {
        return minMax(pairedRatios(contender, baseline, hotFraction));
    }

    /** The lowest and the highest rate of the repeats. */
    public double[] rateRange(Contender contender, double hotFraction) {
        return minMax(runs(contender, hotFraction).stream().mapToDouble(LoadResult::transfersPerSecond).toArray());
    }

    private static double[] minMax(double[] values) {
        return new double[] {Arrays.stream(values).min().orElse(Double.NaN),
                Arrays.stream(values).max().orElse(Double.NaN)};
    }

    private double[] pairedRatios(Contender contender, Contender other, double hotFraction) {
        List<LoadResult> mine = runs(contender, hotFraction);
        List<LoadResult> baseline = runs(other, hotFraction);
        double[] ratios = new double[Math.min(mine.size(), baseline.size())];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = mine.get(i).transfersPerSecond() / baseline.get(i).transfersPerSecond();
        }
        return ratios;
    }

    /** Client CPU microseconds per committed transfer over the runs; NaN where a run did not measure it. */
    public double cpuMicrosPerCommit(Contender contender, double hotFraction) {
        List<LoadResult> all = runs(contender, hotFraction);
        if (all.stream().anyMatch(r -> r.clientCpuNanos() < 0)) {
            return Double.NaN;
        }
        long committed = all.stream().mapToLong(LoadResult::committed).sum();
        return committed == 0 ? Double.NaN : all.stream().mapToLong(LoadResult::clientCpuNanos).sum() / 1e3 / committed;
    }

    public double retriesPerCommit(Contender contender, double hotFraction) {
        List<LoadResult> all = runs(contender, hotFraction);
        long committed = all.stream().mapToLong(LoadResult::committed).sum();
        return committed == 0 ? Double.NaN : (double) all.stream().mapToLong(LoadResult::retries).sum() / committed;
    }

    /** Retries by the server's message, summed over the runs. */
    public Map<String, Long> retryReasons(Contender contender, double hotFraction) {
        Map<String, Long> sum = new TreeMap<>();
        runs(contender, hotFraction).forEach(r -> r.retriesByReason().forEach((k, n) -> sum.merge(k, n, Long::sum)));
        return sum;
    }

    /** Committed transfers by the number of attempts they took, summed over the runs. */
    public Map<Integer, Long> attempts(Contender contender, double hotFraction) {
        Map<Integer, Long> sum = new TreeMap<>();
        runs(contender, hotFraction).forEach(r -> r.attempts().forEach((k, n) -> sum.merge(k, n, Long::sum)));
        return sum;
    }

    public long committed(Contender contender, double hotFraction) {
        return runs(contender, hotFraction).stream().mapToLong(LoadResult::committed).sum();
    }

    public double latencyMillis(Contender contender, double hotFraction, double percent) {
        long[] all = runs(contender, hotFraction).stream().flatMapToLong(r -> LongStream.of(r.latenciesNanos()))
                .toArray();
        Arrays.sort(all);
        return Latencies.percentile(all, percent) / 1e6;
    }

    /** Refusals and errors summed over the runs, by kind ("insufficient funds", "retries exhausted"...). */
    public Map<String, Long> refused(Contender contender, double hotFraction) {
        Map<String, Long> sum = new TreeMap<>();
        runs(contender, hotFraction).forEach(r -> r.refused().forEach((k, n) -> sum.merge(k, n, Long::sum)));
        return sum;
    }

    public Map<String, Long> errors(Contender contender, double hotFraction) {
        Map<String, Long> sum = new TreeMap<>();
        runs(contender, hotFraction).forEach(r -> r.errors().forEach((k, n) -> sum.merge(k, n, Long::sum)));
        return sum;
    }

    public long notRun(Contender contender, double hotFraction) {
        return runs(contender, hotFraction).stream().mapToLong(LoadResult::notRun).sum();
    }

    /** Problems with the invariants after any run; empty when they always held. */
    public List<String> invariantProblems(Contender contender, double hotFraction) {
        List<String> problems = new ArrayList<>();
        runs(contender, hotFraction).forEach(r -> problems.addAll(r.invariants().problems()));
        return Collections.unmodifiableList(problems);
    }

    /** The JDBC baseline of a MyBatis contender (same strategy). */
    public Contender baselineOf(Contender contender) {
        return contenders.stream().filter(c -> c.jdbc() && c.strategy().equals(contender.strategy())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no JDBC baseline for " + contender.name()));
    }

    public Contender named(String strategy, boolean jdbc) {
        return named(strategy, jdbc ? Contender.Kind.JDBC : Contender.Kind.MYBATIS).orElseThrow(
                () -> new IllegalArgumentException("no contender " + strategy));
    }

    public java.util.Optional<Contender> named(String strategy, Contender.Kind kind) {
        return contenders.stream().filter(c -> c.kind() == kind && c.strategy().equals(strategy)).findFirst();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String key(Contender contender, double hotFraction) {
        return contender.name() + "@" + hotFraction;
    }
}
