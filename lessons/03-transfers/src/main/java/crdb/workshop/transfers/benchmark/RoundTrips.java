package crdb.workshop.transfers.benchmark;

import crdb.workshop.common.db.Database;
import crdb.workshop.transfers.benchmark.TrafficCounter.Traffic;
import crdb.workshop.transfers.load.Contender;
import crdb.workshop.transfers.load.LoadResult;
import crdb.workshop.transfers.load.LoadRunner;
import crdb.workshop.transfers.load.LoadShape;
import crdb.workshop.transfers.load.RetrySettings;
import crdb.workshop.transfers.load.Workload;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The counting pass, before the timed runs: every contender makes the same transfers through a
 * pool of its own behind a {@link WireCounter}, and we divide what was sent by what committed.
 * Not timed (the proxy costs time); the timed runs go straight to the server.
 */
public final class RoundTrips {

    private RoundTrips() {
    }

    public static void count(Database database, LoadShape shape, RetrySettings retry, Duration timeLimit,
            PrintStream out) throws Exception {
        TrafficCounter counter;
        try {
            counter = TrafficCounter.open(database);
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
            out.printf(Locale.ROOT, "Statements and round trips per committed transfer (%d threads x %d transfers,"
                    + " uniform), counted: statements by the server's pg_stat_statements, round trips on the wire"
                    + " (Sync and Query messages, read by a proxy):%n", uniform.threads(), uniform.transfersPerThread());
            if (!counter.countsAtServer()) {
                out.println("  (this server does not load pg_stat_statements: statements are counted on the wire"
                        + " only)");
            }
            out.printf(Locale.ROOT, "%-28s %11s %11s %12s %14s%n", "contender", "statements", "(on wire)",
                    "round trips", "retries/commit");
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
                out.printf(Locale.ROOT, "%-28s %11s %11.2f %12.2f %14.3f%n", contender.name(),
                        sent.serverStatements() < 0 ? "-" : String.format(Locale.ROOT, "%.2f",
                                sent.serverStatements() / commits),
                        sent.wireStatements() / commits, sent.roundTrips() / commits, result.retriesPerCommit());
            }
            runner.clean(workload);
        }
    }
}
