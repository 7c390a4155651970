package crdb.workshop.benchmarks.inserts;

import crdb.workshop.benchmarks.BenchmarkSchema;
import crdb.workshop.benchmarks.JitWarmUp;
import crdb.workshop.benchmarks.RunConditions;
import crdb.workshop.benchmarks.inserts.InsertChart;
import crdb.workshop.benchmarks.inserts.InsertMethod;
import crdb.workshop.benchmarks.inserts.InsertMethods;
import crdb.workshop.benchmarks.inserts.InsertSettings;
import crdb.workshop.benchmarks.inserts.Measurements;
import crdb.workshop.chunked.Points;
import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The insert methods compared, in one run on one machine: rows per second for each method at each
 * chunk size, ratios against the raw-JDBC baselines measured in the same run, and a chart.
 *
 * <pre>
 * ./mvnw -q -pl lessons/benchmarks -am compile exec:java -Dexec.mainClass=crdb.workshop.benchmarks.inserts.InsertBenchmark
 *     [-Dbench.rows=20000] [-Dbench.chunkSizes=10,100,1000,10000] [-Dbench.repeats=5] [-Dbench.chart=file.png] [-Dbench.warmUpSeconds=60]
 * </pre>
 *
 * Everything happens in a schema of the benchmark's own ({@link BenchmarkSchema}). Each run starts from an empty table and is checked afterwards (the table must hold exactly the
 * rows sent), so a method that silently lost rows could not look fast. Runs are interleaved
 * (every method at one size, then the next size, and the whole sweep again) so that drift in the
 * machine's speed spreads over all methods; the median of the repeats is reported.
 */
public final class InsertBenchmark {

    /** Issue 14's targets, at the lesson's chunk size. */
    private static final int TARGET_CHUNK = 1_000;
    private static final double MULTI_ROW_TARGET = 0.8;
    private static final double RECOMMENDED_TARGET = 0.9;

    private InsertBenchmark() {
    }

    public static void main(String[] args) {
        LessonRunner.main(args, InsertBenchmark::run);
    }

    /** The benchmark, with its settings from system properties (Maven passes -Dbench.* through). */
    public static void run(Database database, PrintStream out) throws Exception {
        InsertSettings settings = InsertSettings.fromSystemProperties();
        // A points table of its own, in a schema made for this run and dropped after it: emptying
        // it before each timed run touches no one else's rows (lesson 04's points included).
        try (BenchmarkSchema schema = BenchmarkSchema.create(database, "insert_benchmark",
                "crdb/workshop/chunked/schema.sql")) {
            out.println("Working in schema " + schema.name() + ", made for this run and dropped at its end: no point"
                    + " outside it is read or changed.");
            run(schema.database(), settings, out);
        }
    }

    private static void run(Database database, InsertSettings settings, PrintStream out) throws Exception {
        List<Point> points = Points.generate("benchmark", settings.rows());
        try (Database rewriting = InsertMethods.openWithRewrittenBatches(database)) {
            List<InsertMethod> methods = InsertMethods.all(database, rewriting);
            out.printf(Locale.ROOT, "Insert benchmark: %,d points per run, chunk sizes %s, median of %d runs, %d cores.%n",
                    settings.rows(), settings.chunkSizes(), settings.repeats(), Runtime.getRuntime().availableProcessors());

            out.printf(Locale.ROOT, "Load average before: %.1f (other processes on these cores slow every method alike).%n",
                    RunConditions.loadAverage());
            out.println("Warming up (every method, not measured, until the JIT compiler is done)...");
            JitWarmUp.run(round -> {
                for (InsertMethod method : methods) {
                    timed(database, method, points.subList(0, Math.min(points.size(), 5_000)), 500);
                }
            }, 2, settings.warmUpLimit(), out);

            Measurements measurements = new Measurements(methods, settings.chunkSizes());
            for (int repeat = 0; repeat < settings.repeats(); repeat++) {
                out.printf("Run %d of %d...%n", repeat + 1, settings.repeats());
                for (int size : settings.chunkSizes()) {
                    for (InsertMethod method : order(methods, repeat)) {
                        measurements.add(method, size, timed(database, method, points, size));
                    }
                }
            }
            double loadAfter = RunConditions.loadAverage();
            out.printf(Locale.ROOT, "Load average after: %.1f%n", loadAfter);

            String durability = RunConditions.durability(database);
            out.println("Durability: " + durability + ".");
            printRates(out, measurements);
            printRatios(out, measurements);
            printTargets(out, measurements);
            String subtitle = String.format(Locale.ROOT, "%s, %s, %,d rows per run, median and range of %d, %d cores,"
                    + " load %.1f", database.shortVersion().strip(), durability, settings.rows(),
                    settings.repeats(), Runtime.getRuntime().availableProcessors(), loadAfter);
            InsertChart.write(measurements, subtitle, settings.chart());
            out.println("Chart: " + settings.chart());
        }
    }

    /**
     * Strategies in a rotating order (no strategy always goes first), each MyBatis method right
     * next to its JDBC twin, the two taking turns at going first: so that each paired ratio
     * compares two runs made at the same moment of the machine's day.
     */
    private static List<InsertMethod> order(List<InsertMethod> methods, int repeat) {
        List<InsertMethod.Strategy> strategies = new ArrayList<>(methods.stream().map(InsertMethod::strategy)
                .distinct().toList());
        Collections.rotate(strategies, repeat);
        List<InsertMethod> ordered = new ArrayList<>();
        for (InsertMethod.Strategy strategy : strategies) {
            List<InsertMethod> twins = new ArrayList<>(methods.stream().filter(m -> m.strategy() == strategy).toList());
            Collections.rotate(twins, repeat);
            ordered.addAll(twins);
        }
        return ordered;
    }

    /** One measured run into an empty table, checked afterwards; returns rows per second. */
    private static double timed(Database database, InsertMethod method, List<Point> points, int chunkSize)
            throws Exception {
        truncate(database);
        System.gc(); // collect the previous run's garbage now, not while this one is timed
        long start = System.nanoTime();
        method.load(points, chunkSize);
        long nanos = System.nanoTime() - start;
        long rows = count(database);
        if (rows != points.size()) {
            throw new IllegalStateException(method.name() + " at chunk size " + chunkSize + " left " + rows
                    + " rows in the table; it was given " + points.size());
        }
        return points.size() * 1e9 / nanos;
    }

    /** Empties the benchmark's own points table (its pool's search path is the benchmark's schema alone). */
    private static void truncate(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true); // TRUNCATE alone: on CockroachDB it is a schema change
            statement.execute("TRUNCATE TABLE points");
        }
    }

    private static long count(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM points")) {
            rs.next();
            long rows = rs.getLong(1);
            connection.commit();
            return rows;
        }
    }

    private static void printRates(PrintStream out, Measurements m) {
        out.println();
        out.println("Rows per second, by chunk size: the median of the repeats (lowest to highest):");
        out.print(String.format("%-40s", "method"));
        for (int size : m.chunkSizes()) {
            out.print(String.format(Locale.ROOT, "%26s", String.format(Locale.ROOT, "%,d", size)));
        }
        out.println();
        for (InsertMethod method : m.methods()) {
            out.print(String.format("%-40s", method.name() + (method.name().equals(InsertMethods.RECOMMENDED)
                    ? " *" : method.name().equals(InsertMethods.SIMPLE) ? " +" : "")));
            for (int size : m.chunkSizes()) {
                double[] range = m.rateRange(method, size);
                out.print(String.format(Locale.ROOT, "%26s", String.format(Locale.ROOT, "%,.0f (%,.0f-%,.0f)",
                        m.rate(method, size), range[0], range[1])));
            }
            out.println();
        }
        out.println("* the lesson's recommended path; + its simple path (the one the lesson runs)");
    }

    private static void printRatios(PrintStream out, Measurements m) {
        out.println();
        out.println("MyBatis against its JDBC twin (the same SQL, the same chunk size, run back to back): the median"
                + " of the repeats' ratios (1.00 = as fast), lowest to highest in brackets:");
        out.print(String.format("%-40s", "method"));
        for (int size : m.chunkSizes()) {
            out.print(String.format(Locale.ROOT, "%20s", String.format(Locale.ROOT, "%,d", size)));
        }
        out.println();
        for (InsertMethod method : m.methods()) {
            m.baselineOf(method).ifPresent(baseline -> {
                out.print(String.format("%-40s", method.name()));
                for (int size : m.chunkSizes()) {
                    double[] range = m.ratioRange(method, baseline, size);
                    out.print(String.format(Locale.ROOT, "%20s", String.format(Locale.ROOT, "%.2f (%.2f-%.2f)",
                            m.ratio(method, baseline, size), range[0], range[1])));
                }
                out.println();
            });
        }
    }

    private static void printTargets(PrintStream out, Measurements m) {
        int size = m.chunkSizes().contains(TARGET_CHUNK) ? TARGET_CHUNK : m.chunkSizes().get(m.chunkSizes().size() - 1);
        InsertMethod recommended = m.named(InsertMethods.RECOMMENDED);
        InsertMethod simple = m.named(InsertMethods.SIMPLE);
        InsertMethod arrays = m.named(InsertMethods.MULTI_ROW_PATH);
        InsertMethod foreach = m.named(InsertMethods.FOREACH);
        InsertMethod fastest = m.fastestJdbcInsert(size);
        InsertMethod copy = m.named("JDBC COPY");
        out.println();
        out.printf(Locale.ROOT, "Targets at %,d rows per chunk (median of the repeats' paired ratios, lowest to highest"
                + " in brackets):%n", size);
        target(out, m, arrays, m.baselineOf(arrays).orElseThrow(), size, MULTI_ROW_TARGET, "the MyBatis multi-row path");
        target(out, m, foreach, m.baselineOf(foreach).orElseThrow(), size, MULTI_ROW_TARGET, "for comparison");
        target(out, m, recommended, fastest, size, RECOMMENDED_TARGET,
                "the recommended path against the fastest INSERT-based JDBC method");
        double[] range = m.ratioRange(simple, fastest, size);
        out.printf(Locale.ROOT, "  The simple path, %s, against %s: %.2fx (%.2f-%.2f): its cost, no target.%n",
                simple.name(), fastest.name(), m.ratio(simple, fastest, size), range[0], range[1]);
        out.printf(Locale.ROOT, "  Beside both, COPY (no INSERT statement at all): JDBC COPY %,.0f rows/s (%,.0f-%,.0f);"
                        + " %s is %.2fx of it, %s %.2fx.%n", m.rate(copy, size), m.rateRange(copy, size)[0],
                m.rateRange(copy, size)[1], recommended.name(), m.ratio(recommended, copy, size), fastest.name(),
                m.ratio(fastest, copy, size));
    }

    private static void target(PrintStream out, Measurements m, InsertMethod method, InsertMethod baseline, int size,
            double target, String what) {
        double ratio = m.ratio(method, baseline, size);
        double[] range = m.ratioRange(method, baseline, size);
        out.printf(Locale.ROOT, "  %s against %s (%s): %.2fx (%.2f-%.2f) (target at least %.1fx: %s)%n", method.name(),
                baseline.name(), what, ratio, range[0], range[1], target, ratio >= target ? "met" : "MISSED");
    }
}
