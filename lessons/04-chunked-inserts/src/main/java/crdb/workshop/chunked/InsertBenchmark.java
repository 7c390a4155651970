package crdb.workshop.chunked;

import crdb.workshop.chunked.benchmark.BenchmarkChart;
import crdb.workshop.chunked.benchmark.BenchmarkSettings;
import crdb.workshop.chunked.benchmark.Measurements;
import crdb.workshop.chunked.insert.InsertMethod;
import crdb.workshop.chunked.insert.InsertMethods;
import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
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
 * ./mvnw -q -pl lessons/04-chunked-inserts -am compile exec:java -Dexec.mainClass=crdb.workshop.chunked.InsertBenchmark
 *     [-Dbench.rows=20000] [-Dbench.chunkSizes=10,100,1000,10000] [-Dbench.repeats=3] [-Dbench.chart=file.png]
 * </pre>
 *
 * Each run starts from an empty table and is checked afterwards (the table must hold exactly the
 * rows sent), so a method that silently lost rows could not look fast. Runs are interleaved
 * (every method at one size, then the next size, and the whole sweep again) so that drift in the
 * machine's speed spreads over all methods; the median of the repeats is reported.
 */
public final class InsertBenchmark {

    private InsertBenchmark() {
    }

    public static void main(String[] args) {
        LessonRunner.main(args, InsertBenchmark::run);
    }

    static void run(Database database, PrintStream out) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        database.runScript("crdb/workshop/chunked/schema.sql");
        List<Point> points = Points.generate("benchmark", settings.rows());
        try (Database rewriting = InsertMethods.openWithRewrittenBatches(database)) {
            List<InsertMethod> methods = InsertMethods.all(database, rewriting);
            out.printf(Locale.ROOT, "Insert benchmark: %,d points per run, chunk sizes %s, median of %d runs, %d cores.%n",
                    settings.rows(), settings.chunkSizes(), settings.repeats(), Runtime.getRuntime().availableProcessors());

            out.printf(Locale.ROOT, "Load average before: %.1f (other processes on these cores slow every method alike).%n",
                    loadAverage());
            out.println("Warming up (each method twice, not measured)...");
            for (int round = 0; round < 2; round++) {
                for (InsertMethod method : methods) {
                    timed(database, method, points.subList(0, Math.min(points.size(), 5_000)), 500);
                }
            }

            Measurements measurements = new Measurements(methods, settings.chunkSizes());
            for (int repeat = 0; repeat < settings.repeats(); repeat++) {
                out.printf("Run %d of %d...%n", repeat + 1, settings.repeats());
                for (int size : settings.chunkSizes()) {
                    List<InsertMethod> order = new ArrayList<>(methods);
                    Collections.rotate(order, repeat); // no method always goes first
                    for (InsertMethod method : order) {
                        measurements.add(method, size, timed(database, method, points, size));
                    }
                }
            }
            truncate(database);
            double loadAfter = loadAverage();
            out.printf(Locale.ROOT, "Load average after: %.1f%n", loadAfter);

            printRates(out, measurements);
            printRatios(out, measurements);
            printTargets(out, measurements);
            String subtitle = String.format(Locale.ROOT, "%s, %,d rows per run, median of %d, %d cores, load %.1f",
                    database.shortVersion().strip(), settings.rows(), settings.repeats(),
                    Runtime.getRuntime().availableProcessors(), loadAfter);
            BenchmarkChart.write(measurements, subtitle, settings.chart());
            out.println("Chart: " + settings.chart());
        }
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

    /** The operating system's one-minute load average, or -1 where it has none. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

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
        out.println("Rows per second (median), by chunk size:");
        out.print(String.format("%-40s", "method"));
        for (int size : m.chunkSizes()) {
            out.print(String.format(Locale.ROOT, "%12s", String.format(Locale.ROOT, "%,d", size)));
        }
        out.println();
        for (InsertMethod method : m.methods()) {
            out.print(String.format("%-40s", method.name()));
            for (int size : m.chunkSizes()) {
                out.print(String.format(Locale.ROOT, "%,12.0f", m.rate(method, size)));
            }
            out.println();
        }
    }

    private static void printRatios(PrintStream out, Measurements m) {
        out.println();
        out.println("MyBatis against its raw-JDBC baseline (same strategy, same chunk size; 1.00 = as fast):");
        for (InsertMethod method : m.methods()) {
            m.baselineOf(method).ifPresent(baseline -> {
                out.print(String.format("%-40s", method.name()));
                for (int size : m.chunkSizes()) {
                    out.print(String.format(Locale.ROOT, "%12.2f", m.rate(method, size) / m.rate(baseline, size)));
                }
                out.println();
            });
        }
        InsertMethod perRow = m.named("JDBC one INSERT per row");
        out.println();
        out.println("Every method against raw JDBC one INSERT per row (same chunk size):");
        for (InsertMethod method : m.methods()) {
            out.print(String.format("%-40s", method.name()));
            for (int size : m.chunkSizes()) {
                out.print(String.format(Locale.ROOT, "%12.1f", m.rate(method, size) / m.rate(perRow, size)));
            }
            out.println();
        }
    }

    private static void printTargets(PrintStream out, Measurements m) {
        InsertMethod recommended = m.named(InsertMethods.RECOMMENDED);
        InsertMethod fastest = m.fastestRawJdbc();
        InsertMethod perRow = m.named("JDBC one INSERT per row");
        double best = m.bestRate(recommended);
        double againstFastest = best / m.bestRate(fastest);
        double againstPerRow = best / m.bestRate(perRow);
        out.println();
        out.printf(Locale.ROOT, "Recommended path (%s, through ChunkedWriter): best %,.0f rows/s at chunk size %,d.%n",
                recommended.name(), best, m.bestChunkSize(recommended));
        out.printf(Locale.ROOT, "  against the fastest raw-JDBC method (%s, %,.0f rows/s at chunk size %,d): %.3fx"
                        + " (target 0.8x: %s)%n", fastest.name(), m.bestRate(fastest), m.bestChunkSize(fastest),
                againstFastest, againstFastest >= 0.8 ? "met" : "MISSED");
        out.printf(Locale.ROOT, "  against raw JDBC one INSERT per row (%,.0f rows/s at chunk size %,d): %.1fx"
                        + " (target 10x: %s)%n", m.bestRate(perRow), m.bestChunkSize(perRow), againstPerRow,
                againstPerRow >= 10 ? "met" : "MISSED");
        InsertMethod bestMyBatis = m.methods().stream().filter(x -> !x.rawJdbc())
                .max((a, b) -> Double.compare(m.bestRate(a), m.bestRate(b))).orElseThrow();
        if (bestMyBatis != recommended) {
            out.printf(Locale.ROOT, "  (fastest MyBatis path: %s, %,.0f rows/s at chunk size %,d: %.3fx the fastest"
                            + " raw-JDBC method)%n", bestMyBatis.name(), m.bestRate(bestMyBatis),
                    m.bestChunkSize(bestMyBatis), m.bestRate(bestMyBatis) / m.bestRate(fastest));
        }
    }
}
