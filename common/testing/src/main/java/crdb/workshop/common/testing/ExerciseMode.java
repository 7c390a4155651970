package crdb.workshop.common.testing;

import java.util.Locale;

/** Which code the exercise tests run against; see {@link Exercise}. */
public enum ExerciseMode {
    SOLUTION, LEARNER, STUBS;

    public static ExerciseMode current() {
        String value = System.getProperty("exercises", "solution").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "solution" -> SOLUTION;
            case "learner" -> LEARNER;
            case "stubs" -> STUBS;
            default -> throw new IllegalArgumentException("-Dexercises=" + value
                    + " is not a mode. Use -Dexercises=learner to test your own code (the default is solution).");
        };
    }
}
