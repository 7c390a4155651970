package crdb.workshop.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@ResourceLock(Resources.SYSTEM_PROPERTIES)
class ExerciseModeTest {

    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty("exercises");
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty("exercises");
        } else {
            System.setProperty("exercises", saved);
        }
    }

    @Test
    void withNoPropertyTheTestsCheckTheLearnersCodeAsInAnIde() {
        System.clearProperty("exercises");

        assertThat(ExerciseMode.current()).isEqualTo(ExerciseMode.LEARNER);
        assertThat(Exercises.pick(() -> "solution", () -> "learner")).isEqualTo("learner");
    }

    @Test
    void mavenBuildsPickTheSolution() {
        System.setProperty("exercises", "solution");

        assertThat(Exercises.pick(() -> "solution", () -> "learner")).isEqualTo("solution");
    }

    @Test
    void theStubCheckPicksTheLearnersCodeWhichIsTheUntouchedStub() {
        System.setProperty("exercises", " Stubs ");

        assertThat(ExerciseMode.current()).isEqualTo(ExerciseMode.STUBS);
        assertThat(Exercises.pick(() -> "solution", () -> "learner")).isEqualTo("learner");
    }

    @Test
    void anUnknownModeSaysWhichOnesExist() {
        System.setProperty("exercises", "mine");

        assertThatThrownBy(ExerciseMode::current).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dexercises=mine").hasMessageContaining("learner").hasMessageContaining("solution");
    }
}
