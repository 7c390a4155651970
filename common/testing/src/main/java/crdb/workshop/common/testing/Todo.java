package crdb.workshop.common.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the TODO (or TODOs) of the lesson's exercise that a test checks: {@code @Todo(2)} for the
 * comment {@code // TODO-02: ...} in the lesson's {@code exercise} package. A failure then names
 * the TODO and its file:line, and the exercise table reports the TODO as passed or failed. A
 * TODO marked {@code (Optional)} in the source that is not done is reported as such, not as a
 * failure of your run.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Todo {

    /** The TODO numbers, as in {@code TODO-01}. */
    int[] value();

    /**
     * Whether the TODO is a stretch goal, as its comment says with {@code (Optional)}. Kept here too,
     * because a learner who solved the exercise may have deleted the comment.
     */
    boolean optional() default false;
}
