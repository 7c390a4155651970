package crdb.workshop.common.testing;

import java.util.Locale;

/**
 * Which code the exercise tests run against (system property {@code exercises}); see
 * {@link Exercise}. With no property, as in an IDE or a plain JUnit run, it is the learner's code.
 */
public enum ExerciseMode {
    LEARNER, SOLUTION, STUBS;

    public static ExerciseMode current() {
        String value = System.getProperty("exercises", "learner").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "learner" -> LEARNER;
            case "solution" -> SOLUTION;
            case "stubs" -> STUBS;
            default -> throw new IllegalArgumentException("-Dexercises=" + value + " is not a mode: use learner"
                    + " (your code, the default), solution (the reference solutions) or stubs (the stub check).");
        };
    }
}
