package crdb.workshop.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.docs.RepositoryRoot;
import crdb.workshop.transfers.exercise.ErrorClassifier.Verdict;
import crdb.workshop.transfers.solution.ErrorClassifierSolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Exercise 03 part B, its TODOs and the SQLSTATE table of part 2's page tell one story: every
 * SQLSTATE the table names is in the TODOs (and no other), and the reference solution gives each
 * the verdict the table gives it, before and at COMMIT.
 */
class ErrorClassifierPageTest {

    private static final Path PAGE = Path.of("docs/03-transfers-2-executor.md");
    private static final Path EXERCISE = Path.of(
            "lessons/03-transfers/src/main/java/crdb/workshop/transfers/exercise/ErrorClassifierExercise.java");
    private static final Pattern SQLSTATE = Pattern.compile("\\b[0-9][0-9A-Z]{4}\\b");

    /** One row of the page's table: its SQLSTATEs, and the first word of each column's verdict. */
    private record Row(List<String> states, String before, String atCommit) {
    }

    @Test
    void theTodosNameExactlyTheSqlStatesOfThePagesTable() throws IOException {
        Set<String> onPage = new TreeSet<>();
        table().forEach(row -> onPage.addAll(row.states()));
        Set<String> inTodos = new TreeSet<>();
        for (String line : Files.readAllLines(RepositoryRoot.find().resolve(EXERCISE))) {
            if (line.strip().startsWith("//")) {
                Matcher m = SQLSTATE.matcher(line);
                while (m.find()) {
                    inTodos.add(m.group());
                }
            }
        }

        assertThat(onPage).as("the SQLSTATEs of the table in " + PAGE).hasSizeGreaterThan(5);
        assertThat(inTodos).as("the SQLSTATEs named by the TODOs of " + EXERCISE.getFileName()
                + ", against the page's table").isEqualTo(onPage);
    }

    @Test
    void theReferenceSolutionGivesEverySqlStateThePagesVerdict() throws IOException {
        ErrorClassifierSolution solution = new ErrorClassifierSolution();
        for (Row row : table()) {
            for (String state : row.states()) {
                SQLException failure = new SQLException("from the page's table", state);
                verdict(row.before()).ifPresent(expected -> assertThat(solution.classify(failure, false))
                        .as("%s before COMMIT, as the page says (%s)", state, row.before()).isEqualTo(expected));
                verdict(row.atCommit()).ifPresent(expected -> assertThat(solution.classify(failure, true))
                        .as("%s at COMMIT, as the page says (%s)", state, row.atCommit()).isEqualTo(expected));
            }
        }
    }

    private static Optional<Verdict> verdict(String cell) {
        String word = cell.strip().toLowerCase(Locale.ROOT);
        if (word.startsWith("retry")) {
            return Optional.of(Verdict.RETRY);
        }
        if (word.startsWith("ambiguous")) {
            return Optional.of(Verdict.AMBIGUOUS);
        }
        if (word.startsWith("rethrown")) {
            return Optional.of(Verdict.FATAL);
        }
        return Optional.empty(); // "(does not happen)"
    }

    /** The rows of the table headed "| SQLSTATE | before COMMIT is sent | ..." that name a SQLSTATE. */
    private static List<Row> table() throws IOException {
        List<String> lines = Files.readAllLines(RepositoryRoot.find().resolve(PAGE));
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| SQLSTATE | before COMMIT")) {
                header = i;
                break;
            }
        }
        assertThat(header).as("the SQLSTATE table in " + PAGE).isNotNegative();
        List<Row> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            List<String> states = new ArrayList<>();
            Matcher m = SQLSTATE.matcher(cells[1]);
            while (m.find()) {
                states.add(m.group());
            }
            if (!states.isEmpty()) {
                rows.add(new Row(states, cells[2], cells[3]));
            }
        }
        return rows;
    }
}
