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
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * A stub's placeholder body, comments and spaces removed: nothing, or one {@code return} of a
     * constant the tests reject. A body that still holds the comment {@code // the placeholder}
     * is one too (for a stub whose placeholder has to do something).
     */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(return(-1|0|\"\"|null|false|List\\.of\\(\\)|Optional\\.empty\\(\\));)?");
    private static final String PLACEHOLDER_MARK = "// the placeholder";

    private final Path module;
    private final List<TodoComment> todos;
    private final Set<Integer> started;

    private TodoSources(Path module, List<TodoComment> todos, Set<Integer> started) {
        this.module = module;
        this.todos = todos;
        this.started = started;
    }

    /** The TODOs of the module that {@code testClass} belongs to; none if its sources are not found. */
    public static TodoSources of(Class<?> testClass) {
        return in(moduleOf(testClass));
    }

    /** The TODOs of the Maven module in {@code module}. */
    static TodoSources in(Path module) {
        Path sources = module.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return new TodoSources(module, List.of(), Set.of());
        }
        List<TodoComment> found = new ArrayList<>();
        Set<Integer> started = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(TodoSources::isExerciseSource).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = TODO.matcher(lines.get(i));
                    if (m.find()) {
                        found.add(new TodoComment(Integer.parseInt(m.group(1)), file.getFileName().toString(),
                                i + 1, m.group(2) != null));
                        if (methodChanged(lines, i)) {
                            started.add(Integer.parseInt(m.group(1)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the exercise sources under " + sources, e);
        }
        found.sort(Comparator.comparingInt(TodoComment::number));
        return new TodoSources(module, List.copyOf(found), Set.copyOf(started));
    }

    /**
     * Whether the learner has started the TODO: the method that follows its comment no longer
     * holds the stub's placeholder. False when the comment is not right above a method (inside a
     * method's body, say): then nobody can tell, and a failing optional test stays "not done".
     */
    public boolean started(int number) {
        return started.contains(number);
    }

    /** Whether the method right below the comment at {@code commentLine} differs from a placeholder. */
    static boolean methodChanged(List<String> lines, int commentLine) {
        int i = commentLine + 1;
        while (i < lines.size() && (lines.get(i).isBlank() || lines.get(i).strip().startsWith("//")
                || lines.get(i).strip().startsWith("@"))) {
            i++;
        }
        if (i >= lines.size() || !lines.get(i).contains("(") || !lines.get(i).strip().endsWith("{")
                || lines.get(i).strip().startsWith("return") || !lines.get(commentLine).startsWith("    //")) {
            return false; // not a method declaration right below a member-level comment
        }
        StringBuilder body = new StringBuilder();
        int depth = 0;
        for (int j = i; j < lines.size(); j++) {
            String line = lines.get(j);
            if (line.contains(PLACEHOLDER_MARK)) {
                return false;
            }
            String code = line.replaceFirst("//.*$", "");
            for (char c : code.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            if (j > i) {
                body.append(code);
            }
            if (depth == 0 && j > i) {
                String compact = body.toString().replaceAll("\\s+", "");
                return !PLACEHOLDER.matcher(compact.substring(0, Math.max(0, compact.length() - 1))).matches();
            }
        }
        return false;
    }

    /** The lesson's folder name, e.g. {@code 01-connect}. */
    public String lesson() {
        return module.getFileName() == null ? module.toString() : module.getFileName().toString();
    }

    /**
     * The module's folder as the root's {@code -pl} names it ({@code lessons/01-connect}); the
     * folder name alone for a module outside {@code lessons}.
     */
    public String modulePath() {
        Path parent = module.getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("lessons")
                ? "lessons/" + lesson() : lesson();
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
