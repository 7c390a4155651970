package crdb.workshop.benchmarks.transfers;

import crdb.workshop.benchmarks.transfers.TrafficCounter.Traffic;
import crdb.workshop.benchmarks.transfers.load.Contender;
import crdb.workshop.benchmarks.transfers.load.LoadResult;
import crdb.workshop.benchmarks.transfers.load.LoadRunner;
import crdb.workshop.benchmarks.transfers.load.LoadShape;
import crdb.workshop.benchmarks.transfers.load.RetrySettings;
import crdb.workshop.benchmarks.transfers.load.Workload;
import crdb.workshop.common.db.Database;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The counting pass, before the timed runs: every contender makes the same transfers through a
 * pool of its own behind a {@link WireCounter}, and we divide what was sent by what committed.
 * Not timed (the proxy costs time); the timed runs go straight to the server.
 */
public final class RoundTrips {

    private RoundTrips() {
    }

    public static void count(Database database, Database admin, LoadShape shape, RetrySettings retry, Duration timeLimit,
            PrintStream out) throws Exception {
        TrafficCounter counter;
        try {
            counter = TrafficCounter.open(database, admin);
        } catch (RuntimeException | java.io.IOException e) {
            out.println("Round trips: not counted (" + e.getMessage() + ").");
            return;
        }
        try (counter) {
            LoadShape uniform = new LoadShape(shape.threads(), Math.min(100, shape.transfersPerThread()),
                    shape.accounts(), 0, shape.openingBalance(), shape.maxAmount());
            Workload workload = Workload.plan(uniform, -2);
            LoadRunner runner = new LoadRunner(counter.database());
            out.println();
            // One header line whatever the server: the page's expected output matches it, and what follows.
            out.printf(Locale.ROOT, "Statements and round trips per committed transfer (%d threads x %d transfers,"
                    + " uniform), counted: %s, round trips on the wire (Sync and Query messages, read by a proxy):%n",
                    uniform.threads(), uniform.transfersPerThread(), counter.countsAtServer()
                            ? "statements by the server's pg_stat_statements"
                            : "statements on the wire only (this server does not load pg_stat_statements)");
            out.printf(Locale.ROOT, "%-28s %11s %11s %12s %14s %22s%n", "contender", "statements", "(on wire)",
                    "round trips", "retries/commit", "round trips/attempt");
            Map<String, Double> perAttempt = new LinkedHashMap<>();
            for (Contender contender : Contender.all(counter.database(), retry)) {
                runner.run(contender, workload, timeLimit); // warms this pool's connections and statements
                Traffic[] window = new Traffic[2];
                LoadResult result = runner.run(contender, workload, timeLimit, new LoadRunner.Observer() {
                    @Override
                    public void started() {
                        window[0] = counter.snapshot();
                    }

                    @Override
                    public void finished() {
                        window[1] = counter.snapshot();
                    }
                });
                Traffic sent = window[1].minus(window[0]);
                double commits = result.committed();
                double attempts = result.committed() + result.retries(); // every attempt ends in a commit or a retry
                perAttempt.put(contender.name(), sent.roundTrips() / attempts);
                out.printf(Locale.ROOT, "%-28s %11s %11.2f %12.2f %14.3f %22.2f%n", contender.name(),
                        sent.serverStatements() < 0 ? "-" : String.format(Locale.ROOT, "%.2f",
                                sent.serverStatements() / commits),
                        sent.wireStatements() / commits, sent.roundTrips() / commits, result.retriesPerCommit(),
                        sent.roundTrips() / attempts);
            }
            runner.clean(workload);
            for (String strategy : List.of(Contender.READ_MODIFY_WRITE, Contender.SELECT_FOR_UPDATE,
                    Contender.SINGLE_STATEMENT)) {
                double myBatis = perAttempt.get(strategy + " (MyBatis)");
                double jdbc = perAttempt.get(strategy + " (JDBC)");
                // Within a twentieth of a round trip: an attempt cut short by a conflict sends fewer.
                out.printf(Locale.ROOT, "  Target: %s through MyBatis sends no more round trips per attempt than"
                        + " JDBC: %.2f against %.2f: %s%n", strategy, myBatis, jdbc,
                        myBatis <= jdbc + 0.05 ? "met" : "MISSED");
            }
        }
    }
}
