package crdb.workshop.benchmarks.service;

import crdb.workshop.benchmarks.BenchmarkSchema;
import crdb.workshop.benchmarks.JitWarmUp;
import crdb.workshop.benchmarks.RunConditions;
import crdb.workshop.benchmarks.service.HttpTransferClient.Answers;
import crdb.workshop.benchmarks.transfers.BenchmarkResults;
import crdb.workshop.benchmarks.transfers.TransferChart;
import crdb.workshop.benchmarks.transfers.baseline.JdbcStrategy;
import crdb.workshop.benchmarks.transfers.load.Contender;
import crdb.workshop.benchmarks.transfers.load.LoadResult;
import crdb.workshop.benchmarks.transfers.load.LoadRunner;
import crdb.workshop.benchmarks.transfers.load.LoadShape;
import crdb.workshop.benchmarks.transfers.load.RetrySettings;
import crdb.workshop.benchmarks.transfers.load.Workload;
import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.settings.Settings;
import crdb.workshop.springboot.BankApplication;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Lesson 06's service under load, beside lesson 03's JDBC {@code SELECT ... FOR UPDATE} transfer
 * in the same run: N HTTP clients (or JDBC threads) make M transfers each, on the two hot accounts
 * and spread over all accounts, and the ratio of the two is what HTTP, Spring and MyBatis cost.
 *
 * <pre>
 * ./mvnw -q -pl lessons/benchmarks -am compile exec:java -Dexec.mainClass=crdb.workshop.benchmarks.service.ServiceLoadBenchmark
 *     [-Dbench.clients=8] [-Dbench.transfers=250] [-Dbench.accounts=100] [-Dbench.hot=1,0] [-Dbench.repeats=5]
 *     [-Dbench.resend=0.1] [-Dbench.seconds=120] [-Dbench.seed=42] [-Dbench.url=http://127.0.0.1:8080] [-Dbench.warmUpSeconds=150]
 * </pre>
 *
 * The service starts in-process on a free loopback port, on a schema made for the run (dropped at
 * its end), or, with {@code -Dbench.url}, is one already running on DATABASE_URL's database: then
 * the service's transfers go between accounts this command creates and deletes. Every run uses new
 * accounts and keys, so no row it did not write is changed. It fails (exit 1) if the books do not
 * balance or a key moved money twice.
 */
public final class ServiceLoadBenchmark {

    /** Issue 21's targets: the service against the JDBC transfer, in the same run. */
    private static final double HOT_P99_TARGET = 5;
    private static final double UNIFORM_RATE_TARGET = 0.5;

    private ServiceLoadBenchmark() {
    }

    public static void main(String[] args) {
        LessonRunner.main(args, ServiceLoadBenchmark::run);
    }

    public static void run(Database database, PrintStream out) throws Exception {
        ServiceLoadSettings settings = ServiceLoadSettings.fromSystemProperties();
        if (settings.url().isPresent() && Settings.fromEnvironment().databaseUrl().isEmpty()) {
            throw new WorkshopException("-Dbench.url needs DATABASE_URL set to the database that service runs on, so"
                    + " that this command can open its accounts there and check the books.");
        }
        try (BenchmarkSchema schema = BenchmarkSchema.create(database, "service_load",
                "crdb/workshop/transfers/schema.sql")) {
            out.println("Working in schema " + schema.name() + ", made for this run and dropped at its end, and on"
                    + " accounts made for each run: no row outside them is read or changed.");
            if (settings.url().isPresent()) {
                out.println("Service: " + settings.url().get() + " (running already; its transfers go between accounts"
                        + " this command creates in DATABASE_URL's database, and deletes).");
                run(settings.url().get(), database, schema.database(), settings, out);
                return;
            }
            try (ConfigurableApplicationContext service = BankApplication.start(schema.database(),
                    "server.address=127.0.0.1")) {
                URI url = URI.create("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"));
                out.println("Service: lesson 06, started in-process on " + url + ", on the schema's connection pool"
                        + " (the JDBC transfer uses the same pool).");
                run(url, schema.database(), schema.database(), settings, out);
            }
        }
    }

    /** The benchmark: the service's transfers land in {@code serviceDb}, the JDBC transfer's in {@code jdbcDb}. */
    private static void run(URI url, Database serviceDb, Database jdbcDb, ServiceLoadSettings settings,
            PrintStream out) throws Exception {
        Duration requestTimeout = serviceDb.giveUpTime().limit().plusSeconds(30);
        // The clients' and the metrics reader's connections, closed at the end, so that an in-process service
        // stops without waiting for them.
        try (CloseableHttpClient clients = HttpTransferClient.pool(settings.shape().threads(), requestTimeout)) {
            compare(url, serviceDb, jdbcDb, settings, out, clients);
        }
    }

    /** The service through {@code clients}, and the JDBC transfer, run after run. */
    private static void compare(URI url, Database serviceDb, Database jdbcDb, ServiceLoadSettings settings,
            PrintStream out, CloseableHttpClient clients) throws Exception {
        LoadShape shape = settings.shape();
        ServiceMetrics metrics = new ServiceMetrics(clients, url);
        HttpTransferClient[] latest = new HttpTransferClient[1];
        Contender service = new Contender(Contender.SELECT_FOR_UPDATE, Contender.Kind.SERVICE,
                listener -> latest[0] = new HttpTransferClient(clients, url));
        Contender jdbc = Contender.jdbc(Contender.SELECT_FOR_UPDATE, JdbcStrategy.SELECT_FOR_UPDATE, jdbcDb,
                RetrySettings.DEFAULTS);
        Map<Contender, LoadRunner> runners = Map.of(service, new LoadRunner(serviceDb), jdbc, new LoadRunner(jdbcDb));
        Map<Contender, Database> databases = Map.of(service, serviceDb, jdbc, jdbcDb);
        List<Contender> contenders = List.of(service, jdbc);

        out.printf(Locale.ROOT, "Service load benchmark: %d clients x %d transfers over %d accounts, %.0f%% of them"
                        + " sent twice with the same key; hot shares: %s; repeats: %d; cores: %d.%n", shape.threads(),
                shape.transfersPerThread(), shape.accounts(), 100 * settings.resendShare(),
                settings.hotFractions().stream().map(TransferChart::label).collect(Collectors.joining(", ")),
                settings.repeats(), Runtime.getRuntime().availableProcessors());
        out.println("Beside it: lesson 03's SELECT FOR UPDATE transfer in hand-written JDBC, the same transfers from"
                + " as many threads, retries: " + RetrySettings.DEFAULTS + ".");
        out.println("Database: " + jdbcDb.shortVersion().strip() + ".");
        out.printf(Locale.ROOT, "Load average before: %.1f (other processes on these cores slow both alike).%n",
                RunConditions.loadAverage());

        out.println("Warming up (uniform runs of both, not measured, until the JIT compiler is done)...");
        JitWarmUp.run(round -> {
            for (Contender c : contenders) {
                measure(c, ResentWorkload.of(Workload.plan(shape.withHotFraction(0), -1 - round),
                        settings.resendShare(), round), runners.get(c), databases.get(c), metrics, latest, settings);
            }
        }, 3, settings.warmUpLimit(), out);

        BenchmarkResults results = new BenchmarkResults(contenders, settings.hotFractions());
        Map<Double, Answers> answers = new HashMap<>();
        for (int repeat = 0; repeat < settings.repeats(); repeat++) {
            out.printf("Run %d of %d:", repeat + 1, settings.repeats());
            for (double hot : settings.hotFractions()) {
                Workload planned = Workload.plan(shape.withHotFraction(hot), settings.seed() + repeat);
                List<Contender> order = repeat % 2 == 0 ? contenders : List.of(jdbc, service); // neither always first
                for (Contender c : order) {
                    ResentWorkload workload = ResentWorkload.of(planned, settings.resendShare(), settings.seed() + repeat);
                    Measured run = measure(c, workload, runners.get(c), databases.get(c), metrics, latest, settings);
                    results.add(hot, run.result());
                    out.printf(Locale.ROOT, " %s at %s %.0f/s;", c == service ? "service" : "JDBC",
                            TransferChart.label(hot), run.result().transfersPerSecond());
                    if (c == service) {
                        answers.merge(hot, run.answers(), Answers::plus);
                    }
                }
            }
            out.println();
        }
        double loadAfter = RunConditions.loadAverage();
        out.printf(Locale.ROOT, "Load average after: %.1f%n", loadAfter);

        ServiceLoadReport.print(out, results, answers, service, jdbc, settings);
        ServiceLoadReport.targets(out, results, answers, service, jdbc, HOT_P99_TARGET, UNIFORM_RATE_TARGET);
        ServiceLoadChart.write(results, service, jdbc, String.format(Locale.ROOT, "%s, %d clients, %d accounts,"
                + " %d repeats, %d cores, load %.1f", jdbcDb.shortVersion().strip(), shape.threads(), shape.accounts(),
                settings.repeats(), Runtime.getRuntime().availableProcessors(), loadAfter), settings.chart());
        out.println("Chart: " + settings.chart());
    }

    /** One run, and what its answers and the database say; throws if the books do not balance. */
    private record Measured(LoadResult result, Answers answers) {
    }

    private static Measured measure(Contender contender, ResentWorkload workload, LoadRunner runner,
            Database database, ServiceMetrics metrics, HttpTransferClient[] latest, ServiceLoadSettings settings) throws Exception {
        boolean service = contender.kind() == Contender.Kind.SERVICE;
        try {
            double[] before = service ? metrics.retriesAndCommits() : null;
            long cpuBefore = processCpuNanos();
            LoadResult result = runner.run(contender, workload.workload(), settings.timeLimit());
            // This JVM's CPU, not the load threads': the HTTP client's and the in-process service's threads do the work.
            result = result.withClientCpuNanos(cpuBefore < 0 ? -1 : processCpuNanos() - cpuBefore);
            Answers answers = Answers.NONE;
            if (service) {
                double[] after = metrics.retriesAndCommits();
                // The service counts its retries; the client sees none of them.
                result = result.withRetries(Math.round(after[0] - before[0]));
                answers = latest[0].answers(workload.resentKeys());
            }
            long resentRows = rowsOf(database, workload.resentKeys());
            checkBooks(contender, result, answers, resentRows);
            return new Measured(result, answers);
        } finally {
            runner.clean(workload.workload());
        }
    }

    /**
     * The books: the invariants (the total kept, no negative balance, one transfers row per committed
     * transfer, every balance explained by its rows); and, for the service, no key that moved money
     * twice, and one row for each key sent twice whose money moved.
     */
    private static void checkBooks(Contender contender, LoadResult result, Answers answers, long resentRows) {
        List<String> problems = new java.util.ArrayList<>(result.invariants().problems());
        if (answers.appliedTwice() > 0) {
            problems.add(answers.appliedTwice() + " keys were answered as applied twice");
        }
        if (contender.kind() == Contender.Kind.SERVICE && resentRows != answers.resentApplied()) {
            problems.add("keys sent twice: " + answers.resentApplied() + " moved money, but the transfers table"
                    + " holds " + resentRows + " rows for them");
        }
        if (answers.wrongReceipts() > 0) {
            problems.add(answers.wrongReceipts() + " receipts named another key");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The books do not balance after " + contender.name() + ": "
                    + String.join("; ", problems));
        }
    }

    /** How many transfers rows the keys sent twice have. */
    private static long rowsOf(Database database, Set<UUID> keys) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM transfers WHERE id = ANY (?)")) {
            Array ids = connection.createArrayOf("uuid", keys.toArray());
            statement.setArray(1, ids);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long rows = rs.getLong(1);
                connection.commit();
                return rows;
            }
        }
    }

    /** This process's CPU time, all threads, or -1 where the JVM cannot tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
