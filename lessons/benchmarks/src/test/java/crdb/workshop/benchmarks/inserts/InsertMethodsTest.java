package crdb.workshop.benchmarks.inserts;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.chunked.Points;
import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.chunked.mapper.PointMapper;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every insert method the benchmark times writes exactly the points it is given, at the chunk
 * boundaries too. (The test database is this test's own: emptying its table harms nobody.)
 */
@DatabaseTest
class InsertMethodsTest {

    private static final int CHUNK = 5;
    private static final List<String> METHODS = List.of(
            "JDBC one INSERT per row", "JDBC batch, reWriteBatchedInserts", "JDBC multi-row INSERT",
            "JDBC INSERT of arrays (unnest)", "JDBC COPY", "MyBatis one INSERT per row",
            "MyBatis BATCH, reWriteBatchedInserts", "MyBatis <foreach> multi-row INSERT",
            "MyBatis INSERT of arrays (unnest)", "MyBatis COPY");

    private static Database rewriting;
    private final Database database;

    InsertMethodsTest(Database database) {
        this.database = database;
    }

    @BeforeAll
    static void setUp(Database database) {
        database.runScript("crdb/workshop/chunked/schema.sql");
        rewriting = InsertMethods.openWithRewrittenBatches(database);
    }

    @AfterAll
    static void closeRewritingPool() {
        rewriting.close();
    }

    @BeforeEach
    void emptyTable() {
        try (SqlSession session = database.sessionFactory().openSession(true)) {
            session.getMapper(PointMapper.class).truncate();
        }
    }

    /** 0 points, 1, exactly one chunk, one chunk and one more, several chunks with a remainder. */
    static Stream<Arguments> methodsAndSizes() {
        return METHODS.stream().flatMap(method -> Stream.of(0, 1, CHUNK, CHUNK + 1, 3 * CHUNK + 2)
                .map(count -> Arguments.of(method, count)));
    }

    @ParameterizedTest(name = "{0} writes {1} points")
    @MethodSource("methodsAndSizes")
    void everyMethodWritesExactlyThePointsGiven(String name, int count) throws Exception {
        List<Point> points = Points.generate(name, count);
        method(name).load(points, CHUNK);
        List<Point> table;
        try (SqlSession session = database.sessionFactory().openSession()) {
            table = session.getMapper(PointMapper.class).findAll();
        }
        assertThat(table).as("rows in the points table").hasSize(points.size());
        assertThat(new HashSet<>(table)).as("every point given, each once").isEqualTo(new HashSet<>(points));
    }

    @Test
    void theMethodsAreTheOnesTheBenchmarkCompares() {
        assertThat(InsertMethods.all(database, rewriting)).extracting(InsertMethod::name)
                .containsExactlyInAnyOrderElementsOf(METHODS)
                .contains(InsertMethods.RECOMMENDED);
    }

    private InsertMethod method(String name) {
        return InsertMethods.all(database, rewriting).stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow();
    }
}
