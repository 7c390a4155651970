package crdb.workshop.common.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that checks an exercise. Its tests take the code under test from
 * {@link Exercises#pick}, and run three ways (system property {@code exercises}):
 * <ul>
 *   <li>{@code learner}, the default (an IDE, the JUnit console, the lesson's exercise command):
 *       against the learner's code in the lesson's {@code exercise} package. An {@code (Optional)}
 *       TODO that is not done is reported as skipped, not as a failure.
 *   <li>{@code solution} (every Maven build: the parent pom sets it for Surefire): against the
 *       reference solution, which must pass. So a learner's {@code ./mvnw verify} stays green.
 *   <li>{@code stubs} (the stub check, a second Surefire run that CI turns on): against the
 *       untouched stubs, where every test must fail on an assertion. A stub that passes fails
 *       the build: the tests could not tell it from a solution.
 * </ul>
 * Name the TODO each test checks with {@link Todo}: failures then say which TODO, in which
 * file:line, and the exercise table reports each TODO.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("exercise")
@ExtendWith(ExerciseExtension.class)
public @interface Exercise {
}
