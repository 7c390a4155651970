package crdb.workshop.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock("InstructorRun.countsFile")
class InstructorRunTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @AfterEach
    void removeCounts() throws Exception {
        Files.deleteIfExists(InstructorRun.countsFile());
    }

    @Test
    void onlyTheBuildsLastProjectGivesTheVerdict() {
        String reactor = "reactor: [MavenProject: crdb.workshop:lesson-06:1.0.0-SNAPSHOT @ /ws/lessons/06-spring-boot/pom.xml,"
                + " MavenProject: crdb.workshop:benchmarks:1.0.0-SNAPSHOT @ /ws/lessons/benchmarks/pom.xml]";

        assertThat(InstructorRun.isLast(Path.of("/ws/lessons/benchmarks"), reactor)).isTrue();
        assertThat(InstructorRun.isLast(Path.of("/ws/lessons/06-spring-boot"), reactor)).isFalse();
    }

    @Test
    void everyLessonsRequiredTodosPassedEndsWithStatusZero() {
        InstructorRun.add(new ExerciseTable.LessonCount("01-connect", "lessons/01-connect", 2, 2));
        InstructorRun.add(new ExerciseTable.LessonCount("02-crud", "lessons/02-crud", 2, 2));

        int status = InstructorRun.finish(new PrintStream(printed, true, StandardCharsets.UTF_8), "the learner's code");

        assertThat(status).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("tested the learner's code; required TODOs passed: 01-connect 2 of 2, 02-crud 2 of 2.")
                .endsWith("Every required TODO of every lesson passed." + System.lineSeparator());
        assertThat(InstructorRun.countsFile()).doesNotExist();
    }

    @Test
    void oneLessonWithARequiredTodoNotPassedEndsWithStatusOneAndNamesIt() {
        InstructorRun.add(new ExerciseTable.LessonCount("01-connect", "lessons/01-connect", 2, 2));
        InstructorRun.add(new ExerciseTable.LessonCount("03-transfers", "lessons/03-transfers", 8, 9));

        int status = InstructorRun.finish(new PrintStream(printed, true, StandardCharsets.UTF_8), "the learner's code");

        assertThat(status).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .endsWith("Required TODOs not all passed in 03-transfers: exit status 1." + System.lineSeparator());
    }

    @Test
    void aRunWhereNoExerciseTestRanDoesNotEndWithStatusZero() {
        int status = InstructorRun.finish(new PrintStream(printed, true, StandardCharsets.UTF_8), "the learner's code");

        assertThat(status).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("no exercise tests ran");
    }
}
