package crdb.workshop.common.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.launcher.TagFilter.includeTags;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The lesson's exercise command: runs only the lesson's exercise tests, against the learner's
 * code, and prints each failure in a few lines (the TODO, the file:line, what was expected) and
 * then the table of TODOs ({@link ExerciseTable}). The parent pom runs it as
 * {@code exec:java@exercises} with the lesson's test classpath:
 * <pre>./mvnw -q -pl lessons/01-connect -am test-compile exec:java@exercises</pre>
 * Its last line says which code it tested and how many required TODOs passed; the exit status is
 * 0 only when all did. With {@code -Dinstructor} it prints only the tables and goes on to the
 * next lesson, so one run over the whole checkout shows every lesson, and the build's last project
 * ends it with a verdict over all of them ({@link InstructorRun}):
 * {@code ./mvnw -q test-compile exec:java@exercises -Dinstructor}.
 */
public final class ExerciseCommand {

    private ExerciseCommand() {
    }

    /** Arguments (the parent pom passes them): the lesson's folder, then "reactor: ${session.projects}". */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("Usage: ExerciseCommand <lesson folder> [reactor: <projects>]; the parent pom passes them.");
        }
        Path module = Path.of(args[0]);
        Path testClasses = module.resolve("target/test-classes");
        boolean instructor = System.getProperty("instructor") != null
                && !System.getProperty("instructor").equals("false");
        boolean last = args.length == 2 && InstructorRun.isLast(module, args[1]);
        if (System.getProperty("exercises") == null) {
            System.setProperty("exercises", "learner");
        }
        PrintStream out = System.out;
        if (!Files.isDirectory(testClasses)) {
            out.println(module.getFileName() + ": no compiled tests; run test-compile before exec:java@exercises.");
            if (!instructor) {
                System.exit(2); // nothing was tested: the exit status must not say "passed"
            }
            finishInstructorRun(out, last);
            return;
        }
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        // A silent table of our own, for the verdict; the one ServiceLoader registers prints.
        ExerciseTable verdict = new ExerciseTable(new PrintStream(OutputStream.nullOutputStream()));
        TestExecutionListener failures = instructor ? new TestExecutionListener() { } : new FailurePrinter(out);
        try {
            LauncherFactory.create().execute(request()
                    .selectors(selectClasspathRoots(Set.of(testClasses)))
                    .filters(includeTags("exercise"))
                    .build(), failures, summary, verdict);
        } catch (RuntimeException | LinkageError e) {
            out.println("The exercise tests of " + module.getFileName()
                    + " could not run: " + e + ". Try again after ./mvnw clean.");
            System.exit(2);
        }
        List<ExerciseTable.LessonCount> counts = verdict.counts();
        if (instructor) {
            counts.forEach(InstructorRun::add);
            finishInstructorRun(out, last);
            return;
        }
        boolean passed = summary.getSummary().getTotalFailureCount() == 0
                && counts.stream().allMatch(ExerciseTable.LessonCount::allPassed);
        out.println();
        if (counts.isEmpty()) {
            out.println(module.getFileName() + " has no exercise tests: nothing was tested.");
        }
        for (ExerciseTable.LessonCount count : counts) {
            out.println("Tested " + tested(false) + " in " + count.modulePath() + ": " + count.passed() + " of "
                    + count.required() + " required TODOs passed" + (passed ? "." : "; exit status 1."));
        }
        out.flush();
        if (!passed) {
            // exec:java runs in Maven's JVM. Exiting here, rather than throwing, keeps Maven's
            // twenty-line failure banner from burying the table; the exit status still says "failed".
            System.exit(1);
        }
    }

    /** In the build's last project, the instructor run's verdict over every lesson, and its exit status. */
    private static void finishInstructorRun(PrintStream out, boolean last) {
        if (!last) {
            return;
        }
        int status = InstructorRun.finish(out, tested(true));
        out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Which code the exercise tests ran against, as the last lines say it. */
    private static String tested(boolean instructor) {
        return switch (ExerciseMode.current()) {
            case LEARNER -> instructor ? "the learner's code in this folder" : "your code";
            case SOLUTION -> "the reference solutions (not " + (instructor ? "the learner's code)" : "your code)");
            case STUBS -> "the untouched stubs (the stub check)";
        };
    }

    /** Prints each failed test as it finishes: its name, the TODO-led message, and where in your code it broke. */
    private static final class FailurePrinter implements TestExecutionListener {
        private final PrintStream out;

        FailurePrinter(PrintStream out) {
            this.out = out;
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            String reason = result.getThrowable().map(Throwable::getMessage).orElse("");
            if (result.getStatus() == TestExecutionResult.Status.ABORTED && ExerciseExtension.isOptionalNotDone(reason)) {
                out.println();
                out.println("Optional, not done yet: " + name(test));
                reason.lines().filter(line -> !line.isBlank()).limit(3).forEach(line -> out.println("    " + line));
                return;
            }
            if (result.getStatus() != TestExecutionResult.Status.FAILED) {
                return;
            }
            out.println();
            out.println("FAILED " + name(test));
            result.getThrowable().ifPresent(this::explain);
        }

        /** {@code ConnectionFactsTest > countTables...}, plus the parameters' name for a parameterized test. */
        private static String name(TestIdentifier test) {
            return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                    .map(m -> simpleName(m.getClassName()) + " > " + m.getMethodName() + " " + test.getDisplayName()
                            .replaceFirst("^" + m.getMethodName() + "\\(.*\\)$", ""))
                    .orElse(test.getDisplayName()).strip();
        }

        /** The failure's message, then up to three lines of your code from its stack trace, if it came from there. */
        private void explain(Throwable failure) {
            String message = failure instanceof AssertionError
                    ? String.valueOf(failure.getMessage())
                    : failure.getClass().getName() + ": " + failure.getMessage();
            message.lines().limit(12).forEach(line -> out.println("    " + line));
            for (Throwable t = failure; t != null; t = t.getCause()) {
                String frames = Arrays.stream(t.getStackTrace())
                        .filter(f -> f.getClassName().contains(".exercise."))
                        .limit(3).map(f -> "      at " + f).collect(Collectors.joining(System.lineSeparator()));
                if (!frames.isEmpty()) {
                    out.println(frames);
                    return;
                }
            }
        }

        private static String simpleName(String className) {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }
}
