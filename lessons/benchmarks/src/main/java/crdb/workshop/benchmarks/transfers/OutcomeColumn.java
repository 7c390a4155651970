package crdb.workshop.benchmarks.transfers;

import crdb.workshop.benchmarks.transfers.load.Contender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The last column of a benchmark's table: what became of a contender's planned transfers at one hot share. */
public final class OutcomeColumn {

    private OutcomeColumn() {
    }

    /** Refusals, failures, transfers not run, and {@code held} or {@code broken} for the invariants. */
    public static String of(BenchmarkResults results, Contender c, double hot, String held, String broken) {
        List<String> parts = new ArrayList<>();
        parts.add(describe("refused", results.refused(c, hot)));
        parts.add(describe("failed", results.errors(c, hot)));
        long notRun = results.notRun(c, hot);
        parts.add(notRun == 0 ? "all run" : notRun + " not run (time limit)");
        parts.add(results.invariantProblems(c, hot).isEmpty() ? held : broken);
        return String.join("; ", parts);
    }

    private static String describe(String what, Map<String, Long> kinds) {
        return kinds.isEmpty() ? "none " + what : what + " " + kinds.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }
}
