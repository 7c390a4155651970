package crdb.workshop.chunked;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.echo.EchoLine;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.PrintedOutput;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 20,000 rows with --echo-sql: each chunk's batch is its statement, three rows and a count, and
 * each 1,000-row INSERT one line of SQL and one of parameters, none wider than the echo's width.
 */
@DatabaseTest
class ChunkedInsertLessonEchoTest {

    @Test
    void echoSummarisesEveryBatchAndMultiRowInsert(Database database) throws Exception {
        List<String> lines = PrintedOutput.withEchoSql(database, ChunkedInsertLesson::run).lines().toList();
        List<String> sql = lines.stream().filter(line -> line.startsWith("SQL ")).toList();

        assertThat(lines).as("the whole output, lesson and echo").hasSizeLessThan(400);
        assertThat(sql).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(EchoLine.WIDTH));
        long batches = sql.stream().filter(line -> line.endsWith("Batch: 1,000 rows sent together")).count();
        assertThat(batches).as("10,000 rows in batches of 1,000, at least once").isGreaterThanOrEqualTo(10);
        assertThat(sql).filteredOn(line -> line.equals("SQL ==> ... 997 more rows of parameters, not shown"))
                .hasSize((int) batches);
        assertThat(sql).filteredOn(line -> line.contains("VALUES (?, ?, ?, ?) , (?, ?, ?, ?) , ... (1,000 rows)"))
                .isNotEmpty();
    }
}
