package crdb.workshop.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The TODO comments of one lesson: every {@code TODO-NN} in the {@code .java} files of its
 * {@code exercise} packages, found from a test class of the lesson. Read from the sources, so the
 * numbers and lines are the ones the learner sees in the editor.
 */
public final class TodoSources {

    private static final Pattern TODO = Pattern.compile("//\\s*TODO-(\\d+)(\\s*\\(Optional\\))?");

    private final Path module;
    private final List<TodoComment> todos;

    private TodoSources(Path module, List<TodoComment> todos) {
        this.module = module;
        this.todos = todos;
    }

    /** The TODOs of the module that {@code testClass} belongs to; none if its sources are not found. */
    public static TodoSources of(Class<?> testClass) {
        return in(moduleOf(testClass));
    }

    /** The TODOs of the Maven module in {@code module}. */
    static TodoSources in(Path module) {
        Path sources = module.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return new TodoSources(module, List.of());
        }
        List<TodoComment> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(TodoSources::isExerciseSource).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = TODO.matcher(lines.get(i));
                    if (m.find()) {
                        found.add(new TodoComment(Integer.parseInt(m.group(1)), file.getFileName().toString(),
                                i + 1, m.group(2) != null));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the exercise sources under " + sources, e);
        }
        found.sort(Comparator.comparingInt(TodoComment::number));
        return new TodoSources(module, List.copyOf(found));
    }

    /** The lesson's folder name, e.g. {@code 01-connect}. */
    public String lesson() {
        return module.getFileName() == null ? module.toString() : module.getFileName().toString();
    }

    public List<TodoComment> all() {
        return todos;
    }

    public Optional<TodoComment> find(int number) {
        return todos.stream().filter(t -> t.number() == number).findFirst();
    }

    private static boolean isExerciseSource(Path file) {
        Path parent = file.getParent();
        return file.toString().endsWith(".java") && parent != null && parent.getFileName() != null
                && parent.getFileName().toString().equals("exercise");
    }

    /**
     * The Maven module of a test class: two folders up from where its classes are
     * ({@code target/test-classes}); the working directory when that is not a folder (a jar).
     */
    private static Path moduleOf(Class<?> testClass) {
        CodeSource source = testClass.getProtectionDomain().getCodeSource();
        if (source != null) {
            try {
                Path classes = Path.of(source.getLocation().toURI());
                Path module = classes.getParent() == null ? null : classes.getParent().getParent();
                if (Files.isDirectory(classes) && module != null && Files.isDirectory(module.resolve("src"))) {
                    return module;
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not a file location: fall back to the working directory
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
