package crdb.workshop.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ExerciseExtensionTest {

    @Test
    void aFailureIsLedByItsTodoAndKeepsExpectedActualAndStackTrace() {
        AssertionFailedError original = new AssertionFailedError("[tables] expected: 3 but was: 2", 3, 2);

        AssertionError named = ExerciseExtension.named(original, "TODO-02 (ConnectionFactsExercise.java:21)");

        assertThat(named).hasMessage("TODO-02 (ConnectionFactsExercise.java:21): [tables] expected: 3 but was: 2");
        assertThat(named).isInstanceOfSatisfying(AssertionFailedError.class, failure -> {
            assertThat(failure.getExpected().getValue()).isEqualTo(3);
            assertThat(failure.getActual().getValue()).isEqualTo(2);
        });
        assertThat(named.getStackTrace()).isEqualTo(original.getStackTrace());
    }

    @Test
    void onlyTheExtensionsOwnWordsMarkAnOptionalTodoNotDone() {
        assertThat(ExerciseExtension.isOptionalNotDone("TODO-03 (X.java:9) is optional and not done yet: boom")).isTrue();
        assertThat(ExerciseExtension.isOptionalNotDone("Assumption failed: needs CockroachDB")).isFalse();
        assertThat(ExerciseExtension.isOptionalNotDone(null)).isFalse();
    }
}
