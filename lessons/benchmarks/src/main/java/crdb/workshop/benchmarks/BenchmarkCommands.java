package crdb.workshop.benchmarks;

/**
 * What {@code exec:java} runs in this module when no {@code -Dexec.mainClass} names a benchmark:
 * the commands. Silent when Maven runs every module at once ({@code ./mvnw compile exec:java}
 * at the root, where lesson 01 says how to pick a lesson).
 */
public final class BenchmarkCommands {

    private BenchmarkCommands() {
    }

    public static void main(String[] args) {
        if ("none=true".equals(System.getProperty("workshop.selectedProjects"))) {
            return;
        }
        System.out.println("Name a benchmark (README.md, \"Benchmarks\"):");
        System.out.println("  ./mvnw -q -pl lessons/benchmarks -am compile exec:java"
                + " -Dexec.mainClass=crdb.workshop.benchmarks.transfers.TransferBenchmark");
        System.out.println("  ./mvnw -q -pl lessons/benchmarks -am compile exec:java"
                + " -Dexec.mainClass=crdb.workshop.benchmarks.inserts.InsertBenchmark");
        System.out.println("  ./mvnw -q -pl lessons/benchmarks -am compile exec:java"
                + " -Dexec.mainClass=crdb.workshop.benchmarks.service.ServiceLoadBenchmark");
    }
}
