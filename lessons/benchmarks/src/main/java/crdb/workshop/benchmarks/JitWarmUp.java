package crdb.workshop.benchmarks;

import crdb.workshop.common.WorkshopException;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Warm-up rounds, not measured, until the JIT compiler is done: a service that has run for a
 * while is what a benchmark should measure, not one whose compiler threads still take the cores
 * from it. Spring, Tomcat and Jackson are far more code than a JDBC transfer: on two cores the
 * compiler used half the CPU for the service load command's first 40 seconds, and the three
 * fixed warm-up rounds it had before left it using a third during the measured runs.
 */
public final class JitWarmUp {

    /**
     * The compiler is done when it took less than this share of the machine's CPU in each of two
     * rounds in a row (one quiet round between two busy ones happens).
     */
    static final double QUIET_SHARE = 0.03;

    /** One unmeasured round of the benchmark's work. */
    @FunctionalInterface
    public interface Round {
        void run(int round) throws Exception;
    }

    private JitWarmUp() {
    }

    /**
     * Runs at least {@code minRounds} rounds, then more until the compiler is done, for at most
     * {@code limit} (from {@link #limit}); says on {@code out} how many rounds it took, and how busy
     * the compiler still was.
     */
    public static void run(Round round, int minRounds, Duration limit, PrintStream out) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
        int cores = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        double share = Double.NaN;
        int rounds = 0;
        int quietInARow = 0;
        while (rounds < minRounds || (quietInARow < 2 && System.nanoTime() - start < limit.toNanos())) {
            long compiledBefore = measurable ? jit.getTotalCompilationTime() : 0;
            long roundStart = System.nanoTime();
            round.run(rounds++);
            double wallMillis = Math.max(1, (System.nanoTime() - roundStart) / 1e6);
            share = measurable ? (jit.getTotalCompilationTime() - compiledBefore) / (wallMillis * cores) : Double.NaN;
            quietInARow = measurable && share < QUIET_SHARE ? quietInARow + 1 : 0;
        }
        out.printf(Locale.ROOT, "Warmed up: %d round%s in %.0f s; the JIT compiler used %s of the CPU in the last"
                        + " one (%s).%n", rounds, rounds == 1 ? "" : "s", (System.nanoTime() - start) / 1e9,
                measurable ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : "an unknown share",
                quietInARow >= 2 ? String.format(Locale.ROOT, "done: under %.0f%% twice in a row", 100 * QUIET_SHARE)
                        : "NOT DONE: stopped at the warm-up limit, -Dbench.warmUpSeconds=" + limit.toSeconds()
                        + "; the first runs may be slow");
    }

    /**
     * {@code -Dbench.warmUpSeconds}, a whole number of seconds (0: only the minimum rounds), or
     * {@code fallback}: read with a benchmark's other settings, so a bad value stops it before it starts.
     */
    public static Duration limit(Duration fallback) {
        String value = System.getProperty("bench.warmUpSeconds");
        if (value == null) {
            return fallback;
        }
        if (!value.strip().matches("\\d{1,6}")) {
            throw new WorkshopException("-Dbench.warmUpSeconds=" + value.strip() + " is not a whole number of seconds."
                    + " Example: -Dbench.warmUpSeconds=90 (0 runs only the minimum warm-up rounds).");
        }
        return Duration.ofSeconds(Long.parseLong(value.strip()));
    }
}
