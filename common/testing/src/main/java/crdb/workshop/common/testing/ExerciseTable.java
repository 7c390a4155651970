package crdb.workshop.common.testing;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of a run of exercise tests against the learner's code, prints one table per lesson:
 * each TODO, its file:line, and passed / failed / optional-not-done. Registered with the JUnit
 * Platform through ServiceLoader (META-INF/services), so it works the same in an IDE, in the
 * JUnit console, in Surefire and in the lesson's exercise command. Prints nothing in the other
 * modes, nor in a run without exercise tests.
 */
public class ExerciseTable implements TestExecutionListener {

    /** What became of one TODO's tests. Worst wins: one failed test makes the TODO failed. */
    enum Result {
        PASSED("passed"), NOT_RUN("not run"), SKIPPED("skipped"), OPTIONAL_NOT_DONE("optional-not-done"),
        FAILED("failed");

        final String word;

        Result(String word) {
            this.word = word;
        }

        Result worse(Result other) {
            return other.ordinal() > ordinal() ? other : this;
        }
    }

    private final PrintStream out;
    private final Map<String, Lesson> lessons = new LinkedHashMap<>();

    public ExerciseTable() {
        this(System.out);
    }

    ExerciseTable(PrintStream out) {
        this.out = out;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, Result.SKIPPED);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        record(test, switch (result.getStatus()) {
            case SUCCESSFUL -> Result.PASSED;
            case FAILED -> Result.FAILED;
            case ABORTED -> result.getThrowable().map(Throwable::getMessage).filter(ExerciseExtension::isOptionalNotDone)
                    .isPresent() ? Result.OPTIONAL_NOT_DONE : Result.SKIPPED;
        });
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (ExerciseMode.current() != ExerciseMode.LEARNER) {
            return;
        }
        lessons.values().forEach(lesson -> lesson.print(out));
        out.flush();
    }

    /** Whether every required TODO of every lesson seen passed. */
    public boolean requiredPassed() {
        return lessons.values().stream().allMatch(Lesson::requiredPassed);
    }

    /** Each lesson seen, in the order first seen, with the count its table ends with. */
    List<LessonCount> counts() {
        return lessons.values().stream().map(Lesson::count).toList();
    }

    /** A lesson's "Required TODOs passed: passed of required". */
    record LessonCount(String lesson, String modulePath, long passed, long required) {
        boolean allPassed() {
            return passed == required;
        }
    }

    private void record(TestIdentifier test, Result result) {
        Optional<TestSource> source = test.getSource();
        if (source.isEmpty()) {
            return;
        }
        if (source.get() instanceof MethodSource method) {
            exerciseClass(method.getJavaClass()).ifPresent(c -> lesson(c).record(todoOf(c, method), test, result));
        } else if (source.get() instanceof ClassSource type && result != Result.PASSED) {
            // The class failed (or was skipped) before its tests ran: every TODO it checks shares that.
            exerciseClass(type.getJavaClass()).ifPresent(c -> {
                for (Method m : c.getDeclaredMethods()) {
                    Todo todo = m.getAnnotation(Todo.class);
                    if (todo != null) {
                        lesson(c).record(todo, test, result);
                    }
                }
            });
        }
    }

    private Lesson lesson(Class<?> testClass) {
        TodoSources sources = TodoSources.of(testClass);
        return lessons.computeIfAbsent(sources.lesson(), name -> new Lesson(sources));
    }

    private static Optional<Class<?>> exerciseClass(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            if (c.isAnnotationPresent(Exercise.class)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static Todo todoOf(Class<?> testClass, MethodSource source) {
        Todo todo = null;
        try {
            todo = source.getJavaMethod().getAnnotation(Todo.class);
        } catch (RuntimeException e) {
            // a method the engine reports but reflection cannot find: fall back to the class
        }
        return todo == null ? testClass.getAnnotation(Todo.class) : todo;
    }

    /** One lesson's TODOs and what became of them. */
    private static final class Lesson {
        private final TodoSources sources;
        private final Map<Integer, Result> byTodo = new TreeMap<>();
        private final Set<Integer> optional = new TreeSet<>();
        private final Map<String, Result> untagged = new LinkedHashMap<>();

        Lesson(TodoSources sources) {
            this.sources = sources;
            for (TodoComment todo : sources.all()) {
                byTodo.put(todo.number(), Result.NOT_RUN);
                if (todo.optional()) {
                    optional.add(todo.number());
                }
            }
        }

        void record(Todo todo, TestIdentifier test, Result result) {
            if (todo == null) {
                untagged.merge(test.getDisplayName(), result, Result::worse);
                return;
            }
            for (int n : todo.value()) {
                byTodo.merge(n, result, (was, now) -> was == Result.NOT_RUN ? now : was.worse(now));
                if (todo.optional()) {
                    optional.add(n);
                }
            }
        }

        boolean requiredPassed() {
            return !byTodo.containsValue(Result.FAILED) && !untagged.containsValue(Result.FAILED);
        }

        void print(PrintStream out) {
            List<String[]> rows = new ArrayList<>();
            byTodo.forEach((n, result) -> {
                boolean isOptional = optional.contains(n);
                String where = sources.find(n).map(TodoComment::where).orElse("(comment removed)");
                String word = isOptional && result == Result.NOT_RUN ? "optional, no test" : result.word;
                rows.add(new String[] {String.format("TODO-%02d", n) + (isOptional ? " (Optional)" : ""), where, word});
            });
            untagged.forEach((test, result) -> rows.add(new String[] {"-", test, result.word}));
            int todoWidth = Math.max(4, rows.stream().mapToInt(r -> r[0].length()).max().orElse(0));
            int whereWidth = Math.max(9, rows.stream().mapToInt(r -> r[1].length()).max().orElse(0));
            String format = "  %-" + todoWidth + "s  %-" + whereWidth + "s  %s%n";
            out.println();
            out.println("Exercises of lesson " + sources.lesson() + ", tested against your code:");
            out.printf(format, "TODO", "file:line", "result");
            rows.forEach(row -> out.printf(format, (Object[]) row));
            LessonCount count = count();
            out.println("  Required TODOs passed: " + count.passed() + " of " + count.required() + ".");
        }

        LessonCount count() {
            long required = byTodo.keySet().stream().filter(n -> !optional.contains(n)).count();
            long passed = byTodo.entrySet().stream()
                    .filter(e -> !optional.contains(e.getKey()) && e.getValue() == Result.PASSED).count();
            return new LessonCount(sources.lesson(), sources.modulePath(), passed, required);
        }
    }
}
