package crdb.workshop.common.testing;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of a run, lists every skipped test (or class) with its reason: Surefire's summary
 * only counts them, and a test that needs CockroachDB should say so where the reader looks.
 * Registered through ServiceLoader (META-INF/services), like {@link ExerciseTable}; listed after
 * it there, because JUnit tells listeners that a run finished in reverse order, and the table
 * should come last.
 */
public class SkippedTests implements TestExecutionListener {

    private final PrintStream out;
    private final List<String> skipped = new ArrayList<>();

    public SkippedTests() {
        this(System.out);
    }

    SkippedTests(PrintStream out) {
        this.out = out;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        add(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            String reason = result.getThrowable().map(Throwable::getMessage).orElse("aborted");
            if (!ExerciseExtension.isOptionalNotDone(reason)) { // the exercise table reports those
                add(test, reason);
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (skipped.isEmpty()) {
            return;
        }
        out.println("Skipped, and why:");
        skipped.forEach(line -> out.println("  " + line));
        out.flush();
    }

    private void add(TestIdentifier test, String reason) {
        Optional<String> name = test.getSource().map(source -> {
            if (source instanceof MethodSource m) {
                return simpleName(m.getClassName()) + " > " + m.getMethodName();
            }
            return source instanceof ClassSource c ? simpleName(c.getClassName()) : null;
        });
        String firstLine = reason == null ? "no reason given" : reason.strip().lines().findFirst().orElse("");
        name.ifPresent(n -> skipped.add(n + ": " + firstLine));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
