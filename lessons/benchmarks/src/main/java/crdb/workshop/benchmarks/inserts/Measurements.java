package crdb.workshop.benchmarks.inserts;

import crdb.workshop.benchmarks.inserts.InsertMethod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rows per second for each method and chunk size, over several runs; the median is what counts. */
public final class Measurements {

    private final List<InsertMethod> methods;
    private final List<Integer> chunkSizes;
    private final Map<String, List<Double>> runs = new HashMap<>();

    public Measurements(List<InsertMethod> methods, List<Integer> chunkSizes) {
        this.methods = List.copyOf(methods);
        this.chunkSizes = List.copyOf(chunkSizes);
    }

    public void add(InsertMethod method, int chunkSize, double rowsPerSecond) {
        runs.computeIfAbsent(key(method, chunkSize), k -> new ArrayList<>()).add(rowsPerSecond);
    }

    /** The median of the runs of {@code method} at {@code chunkSize}. */
    public double rate(InsertMethod method, int chunkSize) {
        List<Double> values = new ArrayList<>(runs.getOrDefault(key(method, chunkSize), List.of()));
        if (values.isEmpty()) {
            throw new IllegalStateException("no runs of " + method.name() + " at chunk size " + chunkSize);
        }
        Collections.sort(values);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /** The lowest and the highest rate of the runs: the spread a single run can have. */
    public double[] rateRange(InsertMethod method, int chunkSize) {
        List<Double> values = runs.getOrDefault(key(method, chunkSize), List.of());
        return new double[] {values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)};
    }

    /**
     * {@code method} against {@code baseline}: the median, over the repeats, of the ratio of their
     * rates in the same repeat (they ran back to back, so each ratio compares them at the same
     * moment of a noisy machine).
     */
    public double ratio(InsertMethod method, InsertMethod baseline, int chunkSize) {
        List<Double> ratios = pairedRatios(method, baseline, chunkSize);
        Collections.sort(ratios);
        int n = ratios.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
    }

    /** The lowest and the highest of the repeats' ratios. */
    public double[] ratioRange(InsertMethod method, InsertMethod baseline, int chunkSize) {
        List<Double> ratios = pairedRatios(method, baseline, chunkSize);
        return new double[] {ratios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                ratios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)};
    }

    private List<Double> pairedRatios(InsertMethod method, InsertMethod baseline, int chunkSize) {
        List<Double> mine = runs.getOrDefault(key(method, chunkSize), List.of());
        List<Double> theirs = runs.getOrDefault(key(baseline, chunkSize), List.of());
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
            ratios.add(mine.get(i) / theirs.get(i));
        }
        return ratios;
    }

    /** Of the raw-JDBC methods that send INSERT statements (not COPY), the fastest at {@code chunkSize}. */
    public InsertMethod fastestJdbcInsert(int chunkSize) {
        return methods.stream().filter(m -> m.rawJdbc() && m.strategy() != InsertMethod.Strategy.COPY)
                .max((a, b) -> Double.compare(rate(a, chunkSize), rate(b, chunkSize))).orElseThrow();
    }

    /** The chunk size at which {@code method} was fastest. */
    public int bestChunkSize(InsertMethod method) {
        int best = chunkSizes.get(0);
        for (int size : chunkSizes) {
            if (rate(method, size) > rate(method, best)) {
                best = size;
            }
        }
        return best;
    }

    public double bestRate(InsertMethod method) {
        return rate(method, bestChunkSize(method));
    }

    /** Of the raw-JDBC methods, the one with the highest rate at its best chunk size. */
    public InsertMethod fastestRawJdbc() {
        return methods.stream().filter(InsertMethod::rawJdbc)
                .max((a, b) -> Double.compare(bestRate(a), bestRate(b)))
                .orElseThrow();
    }

    /** The raw-JDBC method with the same strategy as {@code method}, if it is a MyBatis one. */
    public Optional<InsertMethod> baselineOf(InsertMethod method) {
        return method.rawJdbc() ? Optional.empty()
                : methods.stream().filter(m -> m.rawJdbc() && m.strategy() == method.strategy()).findFirst();
    }

    public InsertMethod named(String name) {
        return methods.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no method named " + name));
    }

    public List<InsertMethod> methods() {
        return methods;
    }

    public List<Integer> chunkSizes() {
        return chunkSizes;
    }

    private static String key(InsertMethod method, int chunkSize) {
        return method.name() + "@" + chunkSize;
    }
}
