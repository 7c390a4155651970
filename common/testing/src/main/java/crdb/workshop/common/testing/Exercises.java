package crdb.workshop.common.testing;

import java.util.function.Supplier;

/** Where an exercise test gets the code it checks. */
public final class Exercises {

    private Exercises() {
    }

    /**
     * The reference solution in a default build; the learner's code (the stub, until it is
     * solved) with {@code -Dexercises=learner} and in the stub check.
     */
    public static <T> T pick(Supplier<? extends T> solution, Supplier<? extends T> learner) {
        return ExerciseMode.current() == ExerciseMode.SOLUTION ? solution.get() : learner.get();
    }
}
