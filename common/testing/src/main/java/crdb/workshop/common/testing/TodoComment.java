package crdb.workshop.common.testing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One {@code // TODO-NN: ...} comment in a lesson's exercise sources.
 *
 * @param number   NN
 * @param file     the source file's name, as an IDE prints it in a stack trace
 * @param line     the comment's line, counting from 1
 * @param optional whether the comment says {@code (Optional)}
 */
public record TodoComment(int number, String file, int line, boolean optional) {

    /** {@code TODO-02}. */
    public String label() {
        return String.format("TODO-%02d", number);
    }

    /** {@code ConnectionFactsExercise.java:21}: IDEs and terminals turn it into a link. */
    public String where() {
        return file + ":" + line;
    }

    /** {@code TODO-02 (ConnectionFactsExercise.java:21)}, or {@code TODO-02} alone when the source was not found. */
    static String describe(List<Integer> numbers, TodoSources sources) {
        return numbers.stream()
                .map(n -> sources.find(n).map(todo -> todo.label() + " (" + todo.where() + ")")
                        .orElse(String.format("TODO-%02d", n)))
                .collect(Collectors.joining(", "));
    }
}
