package crdb.workshop.common.testing;

import java.io.PrintStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * After a run that tested the reference solutions (every Maven build sets
 * {@code -Dexercises=solution}), says so in the run's last lines and gives the command that
 * tests the learner's code: a green {@code ./mvnw test} must not read as "my exercise passed".
 * Registered after the other listeners (META-INF/services), so its lines come last.
 */
public class SolutionRunNotice implements TestExecutionListener {

    private final PrintStream out;
    private final Set<String> lessons = new TreeSet<>();

    public SolutionRunNotice() {
        this(System.out);
    }

    SolutionRunNotice(PrintStream out) {
        this.out = out;
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        test.getSource().ifPresent(source -> {
            Class<?> type = source instanceof MethodSource m ? m.getJavaClass()
                    : source instanceof ClassSource c ? c.getJavaClass() : null;
            for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
                if (c.isAnnotationPresent(Exercise.class)) {
                    lessons.add(TodoSources.of(c).modulePath());
                    return;
                }
            }
        });
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (lessons.isEmpty() || ExerciseMode.current() != ExerciseMode.SOLUTION) {
            return;
        }
        out.println();
        for (String lesson : lessons) {
            out.println("The exercise tests of " + lesson + " ran against the reference solutions, not your code"
                    + " (Maven builds set -Dexercises=solution). To test your code:");
            out.println("  ./mvnw -q -pl " + lesson + " -am test-compile exec:java@exercises");
        }
        out.flush();
    }
}
