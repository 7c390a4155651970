package crdb.workshop.benchmarks.transfers;

import crdb.workshop.benchmarks.transfers.load.Contender;
import crdb.workshop.benchmarks.transfers.load.LoadResult;
import crdb.workshop.benchmarks.transfers.load.LoadRunner;
import crdb.workshop.benchmarks.transfers.load.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a contender's client CPU goes: one run under JFR, the JDK's own profiler, sampling the
 * load threads' stacks ({@code jdk.ExecutionSample}). Each sample counts for its innermost frame
 * outside the JDK (a HashMap lookup made by MyBatis is MyBatis's time), by package: MyBatis, this
 * workspace's core (the guarded session, the transaction scope, the echo hooks, the listeners),
 * the lesson, pgjdbc, HikariCP, the benchmark's own load loop. Not timed: the profiler costs time.
 * The workload runs again and again until enough samples are in ({@link #ENOUGH_SAMPLES}) or
 * the time given has passed. The recording stays in target/ for {@code jfr print --events
 * jdk.ExecutionSample FILE}.
 *
 * @param samples          samples by layer
 * @param workspaceClasses the workspace core's samples by class
 * @param runs             how many times the workload ran under the profiler
 */
public record ClientProfile(Contender contender, Map<String, Long> samples, Map<String, Long> workspaceClasses,
        int runs, Path recording) {

    /** Enough for a share of 1% to be counted within a few tenths of a percent. */
    static final int ENOUGH_SAMPLES = 3_000;

    public static final String MYBATIS = "MyBatis (org.apache.ibatis)";
    public static final String WORKSPACE = "workspace core (crdb.workshop.common)";

    /** Layers by package prefix, in the order they are printed; the JDK is what is left. */
    private static final Map<String, String> LAYERS = layers();

    private static Map<String, String> layers() {
        Map<String, String> layers = new LinkedHashMap<>();
        layers.put("org.apache.ibatis.", MYBATIS);
        layers.put("crdb.workshop.common.", WORKSPACE);
        layers.put("crdb.workshop.transfers.", "lesson 03 (strategies, IdempotentTransfers)");
        layers.put("org.postgresql.", "pgjdbc (org.postgresql)");
        layers.put("com.zaxxer.hikari.", "HikariCP");
        layers.put("crdb.workshop.benchmarks.", "benchmark's load loop and JDBC baseline");
        return layers;
    }

    public static final String JDK = "JDK only (no library frame on the stack)";

    /** Every layer's name, in print order. */
    public static List<String> layerNames() {
        List<String> names = new java.util.ArrayList<>(LAYERS.values());
        names.add(JDK);
        return names;
    }

    /** Runs {@code workload} through {@code contender} under JFR and sorts the samples by layer. */
    public static ClientProfile record(LoadRunner runner, Contender contender, Workload workload, Duration timeLimit,
            Duration atMost, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path file = dir.resolve("profile-" + contender.name().replaceAll("[^A-Za-z0-9]+", "-") + ".jfr");
        int runs = 0;
        long end = System.nanoTime() + atMost.toNanos();
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.start();
            do {
                LoadResult result = runner.run(contender, workload, timeLimit);
                runs++;
                if (!result.invariants().hold()) {
                    throw new IllegalStateException(contender.name() + " broke the invariants while profiled: "
                            + result.invariants().problems().get(0));
                }
                recording.dump(file); // what is in so far
            } while (count(file) < ENOUGH_SAMPLES && System.nanoTime() - end < 0);
            recording.stop();
            recording.dump(file);
        }
        Map<String, Long> samples = new LinkedHashMap<>();
        layerNames().forEach(layer -> samples.put(layer, 0L));
        Map<String, Long> workspace = new TreeMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            String thread = event.getThread("sampledThread") == null ? ""
                    : String.valueOf(event.getThread("sampledThread").getJavaName());
            if (!thread.startsWith(LoadRunner.LOAD_THREAD)) {
                continue;
            }
            String frameClass = innermostLibraryFrame(event.getStackTrace().getFrames());
            String layer = layerOf(frameClass);
            samples.merge(layer, 1L, Long::sum);
            if (layer.equals(WORKSPACE)) {
                workspace.merge(frameClass.substring(frameClass.lastIndexOf('.') + 1).replaceAll("\\$.*", ""), 1L,
                        Long::sum);
            }
        }
        return new ClientProfile(contender, samples, workspace, runs, file);
    }

    /** The load threads' samples in {@code file}. */
    private static long count(Path file) throws IOException {
        long n = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getThread("sampledThread") != null
                    && String.valueOf(event.getThread("sampledThread").getJavaName()).startsWith(LoadRunner.LOAD_THREAD)) {
                n++;
            }
        }
        return n;
    }

    /** The class of the innermost frame outside the JDK, or null when every frame is the JDK's. */
    static String innermostLibraryFrame(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) { // innermost first
            if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            if (!(type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
                    || type.startsWith("sun.") || type.startsWith("com.sun."))) {
                return type;
            }
        }
        return null;
    }

    static String layerOf(String frameClass) {
        if (frameClass == null) {
            return JDK;
        }
        for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
            if (frameClass.startsWith(layer.getKey())) {
                return layer.getValue();
            }
        }
        return JDK; // another library: none is on the load threads' path today
    }

    public long total() {
        return samples.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The share of the samples in {@code layer}, 0 to 1. */
    public double share(String layer) {
        long total = total();
        return total == 0 ? Double.NaN : (double) samples.getOrDefault(layer, 0L) / total;
    }

    /** {@code layer}'s part of {@code cpuMicrosPerCommit}, the client CPU per committed transfer measured unprofiled. */
    public double micros(String layer, double cpuMicrosPerCommit) {
        return share(layer) * cpuMicrosPerCommit;
    }
}
