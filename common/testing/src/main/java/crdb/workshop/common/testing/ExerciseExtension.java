package crdb.workshop.common.testing;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;

/**
 * In the stub check ({@code -Dexercises=stubs}), turns each exercise test inside out: it passes
 * when the stub fails an assertion, and fails when the stub passes, or fails in any other way
 * (stubs compile and fail on an assertion, never on an exception). In the other modes it does
 * nothing.
 */
public final class ExerciseExtension implements InvocationInterceptor {

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
        if (ExerciseMode.current() != ExerciseMode.STUBS) {
            invocation.proceed();
            return;
        }
        try {
            invocation.proceed();
        } catch (AssertionError expected) {
            return; // The untouched stub fails its test, as it should.
        } catch (Throwable other) {
            throw new AssertionFailedError("Stub check: " + context.getDisplayName() + " should fail on an"
                    + " assertion against the untouched stub, but threw " + other, other);
        }
        throw new AssertionFailedError("Stub check: " + context.getDisplayName() + " passes against the"
                + " untouched stub, so it cannot tell a stub from a solution. If you solved the exercise,"
                + " run with -Dexercises=learner; otherwise make the stub fail an assertion.");
    }
}
