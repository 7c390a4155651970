package crdb.workshop.benchmarks.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the benchmark reads from pgbench's output: a failure in one short line, and its CPU time. */
class PgbenchOutputTest {

    @Test
    void aFailureIsOneShortLineHoweverMuchPgbenchPrinted() {
        String printed = "pgbench (15.18)\n" + "progress: nothing yet\n".repeat(400)
                + "pgbench: error: client 3 script 0 aborted in command 4 query 0: ERROR:  relation \"accounts\" does"
                + " not exist \u001b[2J" + " and more".repeat(50) + "\n" + "pgbench: error: Run was aborted\n";

        String line = Pgbench.firstError(printed);

        assertThat(printed.length()).isGreaterThan(8_000);
        assertThat(line).startsWith("pgbench: error: client 3 script 0 aborted").hasSizeLessThanOrEqualTo(163)
                .doesNotContain("\n").doesNotContain("\u001b");
    }

    @Test
    void theCpuTimeIsTheShellsChildrenTimeOnTheLastLine() {
        String printed = "tps = 1234.5 (without initial connection time)\n0m0.001s 0m0.002s\n0m1.250s 0m0.750s\n";

        assertThat(Pgbench.cpuNanos(printed)).isEqualTo(2_000_000_000L);
        assertThat(Pgbench.cpuNanos("tps = 1.0\n")).as("no times printed").isEqualTo(-1);
    }
}
