package crdb.workshop.common.testing;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What {@link Exercise} adds to each test:
 * <ul>
 *   <li>a failure names the TODO it checks and where it is ({@code TODO-02
 *       (ConnectionFactsExercise.java:21)}), before the assertion's own words;
 *   <li>in the learner's mode, a failing test of an {@code (Optional)} TODO not started yet (the
 *       method below its comment still holds the stub's placeholder, {@link TodoSources#started})
 *       is reported as skipped ("optional and not done yet"), so the required part can be green
 *       on its own; once started, it fails like any other;
 *   <li>in the stub check ({@code -Dexercises=stubs}), the test is turned inside out: it passes
 *       when the stub fails an assertion, and fails when the stub passes or fails in another way
 *       (stubs compile and fail on an assertion, never on an exception).
 * </ul>
 */
public final class ExerciseExtension implements InvocationInterceptor {

    private static final String OPTIONAL_NOT_DONE = " is optional and not done yet: ";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExerciseExtension.class);

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        check(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        check(invocation, context);
    }

    private static void check(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        ExerciseMode mode = ExerciseMode.current();
        List<Integer> todos = todosOf(context);
        TodoSources sources = sourcesOf(context);
        String which = todos.isEmpty() ? context.getDisplayName() : TodoComment.describe(todos, sources);
        if (mode == ExerciseMode.STUBS) {
            checkStub(invocation, which);
            return;
        }
        try {
            invocation.proceed();
        } catch (TestAbortedException skipped) {
            throw skipped;
        } catch (Throwable failure) {
            if (mode == ExerciseMode.LEARNER && optional(context) && todos.stream().noneMatch(sources::started)) {
                // A stretch goal not started must not turn the learner's run red; one started and
                // wrong is reported like any other failure.
                throw new TestAbortedException(which + OPTIONAL_NOT_DONE + failure, failure);
            }
            if (failure instanceof AssertionError assertion) {
                throw named(assertion, mode == ExerciseMode.SOLUTION ? which + ", reference solution" : which);
            }
            if (mode == ExerciseMode.LEARNER) {
                // Your code threw: say which TODO's test it broke; the cause keeps the stack trace.
                throw new AssertionFailedError(which + ": your code threw " + failure, failure);
            }
            throw failure;
        }
    }

    private static void checkStub(Invocation<Void> invocation, String which) throws Throwable {
        try {
            invocation.proceed();
        } catch (AssertionError expected) {
            return; // The untouched stub fails its test, as it should.
        } catch (Throwable other) {
            throw new AssertionFailedError("Stub check, " + which + ": the test should fail on an assertion"
                    + " against the untouched stub, but it threw " + other, other);
        }
        throw new AssertionFailedError("Stub check, " + which + ": the test passes against the untouched stub,"
                + " so it cannot tell a stub from a solution. (The stub check runs only in CI, where the stubs"
                + " are untouched: if you solved the exercise, run without -Pstub-check and with CI unset.)");
    }

    /** Whether a skipped test's reason says it checks an optional TODO not done yet. */
    static boolean isOptionalNotDone(String reason) {
        return reason != null && reason.contains(OPTIONAL_NOT_DONE);
    }

    /** The same failure, its message led by the TODO; expected and actual kept for the IDE's diff view. */
    static AssertionError named(AssertionError failure, String which) {
        String message = which + ": " + (failure.getMessage() == null ? failure.toString() : failure.getMessage().strip());
        AssertionFailedError named = failure instanceof AssertionFailedError afe && afe.isExpectedDefined()
                && afe.isActualDefined()
                ? new AssertionFailedError(message, afe.getExpected().getValue(), afe.getActual().getValue(), failure.getCause())
                : new AssertionFailedError(message, failure.getCause());
        named.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            named.addSuppressed(suppressed);
        }
        return named;
    }

    /** The TODO numbers of the test method's {@link Todo}, or else its class's. */
    static List<Integer> todosOf(ExtensionContext context) {
        Todo todo = context.getTestMethod().map(m -> m.getAnnotation(Todo.class))
                .orElseGet(() -> context.getRequiredTestClass().getAnnotation(Todo.class));
        if (todo == null) {
            todo = context.getRequiredTestClass().getAnnotation(Todo.class);
        }
        return todo == null ? List.of() : new ArrayList<>(IntStream.of(todo.value()).boxed().toList());
    }

    /** True when the test checks only an optional TODO. */
    static boolean optional(ExtensionContext context) {
        Todo todo = context.getTestMethod().map(m -> m.getAnnotation(Todo.class))
                .orElseGet(() -> context.getRequiredTestClass().getAnnotation(Todo.class));
        return todo != null && todo.optional();
    }

    private static TodoSources sourcesOf(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(testClass, TodoSources::of, TodoSources.class);
    }
}
