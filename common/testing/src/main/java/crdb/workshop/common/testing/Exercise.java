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
 *   <li>{@code solution} (the default build): against the reference solution; they must pass.
 *   <li>{@code learner} ({@code ./mvnw test -Dexercises=learner}): against your code.
 *   <li>{@code stubs} (a second Surefire run in every build): against the untouched stubs, where
 *       every test must fail on an assertion. A stub that passes fails the build: the tests could
 *       not tell it from a solution.
 * </ul>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("exercise")
@ExtendWith(ExerciseExtension.class)
public @interface Exercise {
}
