package crdb.workshop.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TodoSourcesTest {

    @TempDir
    Path root;

    private Path write(String path, String... lines) throws IOException {
        Path file = root.resolve("07-demo").resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines));
        return file;
    }

    @Test
    void findsEveryTodoOfTheExercisePackagesWithItsFileLineAndOptionalMark() throws IOException {
        write("src/main/java/demo/exercise/FirstExercise.java",
                "class FirstExercise {",
                "    // TODO-02: the second thing",
                "    // TODO-01: the first thing",
                "}");
        write("src/main/java/demo/exercise/SecondExercise.java",
                "class SecondExercise {",
                "",
                "    // TODO-03 (Optional): a stretch goal",
                "}");

        TodoSources sources = TodoSources.in(root.resolve("07-demo"));

        assertThat(sources.lesson()).isEqualTo("07-demo");
        assertThat(sources.all()).containsExactly(
                new TodoComment(1, "FirstExercise.java", 3, false),
                new TodoComment(2, "FirstExercise.java", 2, false),
                new TodoComment(3, "SecondExercise.java", 3, true));
        assertThat(sources.find(3).map(TodoComment::where)).contains("SecondExercise.java:3");
    }

    @Test
    void ignoresTodosOutsideTheExercisePackagesAndTodosThatAreNotNumbered() throws IOException {
        write("src/test/java/demo/solution/FirstSolution.java", "    // TODO-01: not an exercise");
        write("src/main/java/demo/Lesson.java", "    // TODO-04: not an exercise either");
        write("src/main/java/demo/exercise/FirstExercise.java", "    // TODO: no number", "    // TODO-05: this one");

        assertThat(TodoSources.in(root.resolve("07-demo")).all())
                .containsExactly(new TodoComment(5, "FirstExercise.java", 2, false));
    }

    @Test
    void aTodoIsStartedOnceTheMethodBelowItNoLongerHoldsThePlaceholder() throws IOException {
        write("src/main/java/demo/exercise/ThirdExercise.java",
                "class ThirdExercise {",
                "    // TODO-01: untouched",
                "    @Override",
                "    public int count(Connection c) throws SQLException {",
                "        return -1;",
                "    }",
                "",
                "    // TODO-02 (Optional): started",
                "    public String name(Connection c) {",
                "        return \"x\"; // an answer, if a wrong one",
                "    }",
                "",
                "    // TODO-03 (Optional): a placeholder that does something, marked as such",
                "    void insert(Mapper m, List<Point> chunk) {",
                "        m.insertAll(chunk); // the placeholder: one statement",
                "    }",
                "",
                "    // TODO-04 (Optional): started",
                "    void insert2(Mapper m, List<Point> chunk) {",
                "        for (List<Point> slice : slices(chunk)) {",
                "            m.insertAll(slice);",
                "        }",
                "    }",
                "",
                "    public void run() {",
                "        // TODO-05 (Optional): inside a body, so nobody can tell",
                "        work();",
                "    }",
                "}");

        TodoSources sources = TodoSources.in(root.resolve("07-demo"));

        assertThat(sources.started(1)).as("return -1, the placeholder").isFalse();
        assertThat(sources.started(2)).as("returns something else").isTrue();
        assertThat(sources.started(3)).as("still marked as the placeholder").isFalse();
        assertThat(sources.started(4)).as("the marked placeholder replaced").isTrue();
        assertThat(sources.started(5)).as("a TODO inside a method body").isFalse();
    }

    @Test
    void aModuleWithoutSourcesHasNoTodos() {
        assertThat(TodoSources.in(root.resolve("nowhere")).all()).isEmpty();
    }
}
