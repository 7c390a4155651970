package crdb.workshop.benchmarks.service;

import crdb.workshop.benchmarks.service.HttpTransferClient.Answers;
import crdb.workshop.benchmarks.transfers.BenchmarkResults;
import crdb.workshop.benchmarks.transfers.OutcomeColumn;
import crdb.workshop.benchmarks.transfers.TransferChart;
import crdb.workshop.benchmarks.transfers.load.Contender;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The service load benchmark's tables, ratios and targets. */
final class ServiceLoadReport {

    private ServiceLoadReport() {
    }

    static void print(PrintStream out, BenchmarkResults results, Map<Double, Answers> answers, Contender service,
            Contender jdbc, ServiceLoadSettings settings) {
        out.println();
        out.println("JVM us/tx: this process's CPU time per committed transfer, all its threads (the clients, and the"
                + " service when it runs in-process), not the database server's.");
        for (double hot : results.hotFractions()) {
            out.println();
            out.printf(Locale.ROOT, "Hot share %s: %d clients x %d transfers, %d accounts, %d repeats:%n",
                    TransferChart.label(hot), settings.shape().threads(), settings.shape().transfersPerThread(),
                    settings.shape().accounts(), settings.repeats());
            out.printf(Locale.ROOT, "%-44s %9s %11s %14s %10s %8s %8s %8s  %s%n", "contender", "committed",
                    "transfers/s", "retries/commit", "JVM us/tx", "p50 ms", "p99 ms", "max ms",
                    "refused, failed, not run; books");
            for (Contender c : results.contenders()) {
                out.printf(Locale.ROOT, "%-44s %9d %11.1f %14.3f %10.0f %8.1f %8.1f %8.1f  %s%n", c.name(),
                        results.committed(c, hot), results.transfersPerSecond(c, hot), results.retriesPerCommit(c, hot),
                        results.cpuMicrosPerCommit(c, hot),
                        results.latencyMillis(c, hot, 50), results.latencyMillis(c, hot, 99),
                        results.latencyMillis(c, hot, 100),
                        OutcomeColumn.of(results, c, hot, "books balanced", "BOOKS BROKEN"));
            }
            Answers a = answers.getOrDefault(hot, Answers.NONE);
            out.println("  The service's answers by HTTP status: " + a.byStatus().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")));
            out.printf(Locale.ROOT, "  Keys sent twice: %d replays answered 'Idempotent-Replayed: true'; %d keys"
                    + " moved money, each once (one transfers row each); keys answered as applied twice: %d.%n",
                    a.replayed(), a.resentApplied(), a.appliedTwice());
            double[] range = results.ratioRange(service, jdbc, hot);
            out.printf(Locale.ROOT, "  Service / JDBC: transfers/s %.2fx (%.2f-%.2f over the repeats), p50 %.1fx,"
                    + " p99 %.1fx.%n", results.ratio(service, jdbc, hot), range[0], range[1],
                    latencyRatio(results, service, jdbc, hot, 50), latencyRatio(results, service, jdbc, hot, 99));
        }
    }

    static void targets(PrintStream out, BenchmarkResults results, Map<Double, Answers> answers, Contender service,
            Contender jdbc, double hotP99Target, double uniformRateTarget) {
        out.println();
        out.println("Targets (issue 21), service against the JDBC transfer in this run:");
        if (results.hotFractions().contains(1.0)) {
            double p99 = latencyRatio(results, service, jdbc, 1.0, 99);
            long unavailable = answers.getOrDefault(1.0, Answers.NONE).count(503);
            out.printf(Locale.ROOT, "  100%% hot, p99: %.1fx JDBC's (%.1f ms against %.1f ms; target at most %.0fx: %s);"
                    + " 503 answers: %d (target none: %s)%n", p99, results.latencyMillis(service, 1.0, 99),
                    results.latencyMillis(jdbc, 1.0, 99), hotP99Target, p99 <= hotP99Target ? "met" : "MISSED",
                    unavailable, unavailable == 0 ? "met" : "MISSED");
        } else {
            out.println("  100% hot: not measured (needs 1 among -Dbench.hot)");
        }
        if (results.hotFractions().contains(0.0)) {
            double rate = results.ratio(service, jdbc, 0.0);
            out.printf(Locale.ROOT, "  uniform, transfers/s: %.2fx JDBC's (%.1f against %.1f; target at least %.1fx:"
                    + " %s)%n", rate, results.transfersPerSecond(service, 0.0), results.transfersPerSecond(jdbc, 0.0),
                    uniformRateTarget, rate >= uniformRateTarget ? "met" : "MISSED");
        } else {
            out.println("  uniform: not measured (needs 0 among -Dbench.hot)");
        }
        out.println("  books balanced and every key applied once, after every run: met (a run that breaks them ends"
                + " the command with exit status 1)");
    }

    private static double latencyRatio(BenchmarkResults results, Contender c, Contender baseline, double hot,
            double percent) {
        return results.latencyMillis(c, hot, percent) / results.latencyMillis(baseline, hot, percent);
    }
}
