package crdb.workshop.joins;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ExpectedOutput;
import crdb.workshop.common.testing.PrintedOutput;
import crdb.workshop.joins.mapper.Customer;
import crdb.workshop.joins.mapper.CustomerMapper;
import crdb.workshop.joins.mapper.Order;
import crdb.workshop.joins.mapper.OrderMapper;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lesson end to end: it prints what docs/05-joins-without-fks.md says, and leaves no orphan. */
@DatabaseTest
class JoinsLessonTest {

    private static final String PAGE = "docs/05-joins-without-fks.md";

    @BeforeEach
    void emptyTables(Database database) {
        LessonTables.reset(database); // as on a fresh database: the tests share this class's database
    }

    private static String runLesson(Database database) throws Exception {
        return PrintedOutput.withBanner(database, JoinsLesson::run);
    }

    @Test
    void lessonPrintsWhatTheDocsShowAndLeavesNoOrphans(Database database) throws Exception {
        String printed = runLesson(database);

        ExpectedOutput.assertMatches(PAGE, "joins", printed);
        LessonTables tables = LessonTables.of(database);
        assertThat(tables.orphans()).isEmpty();
        assertThat(tables.customerCount()).as("the race's customer was deleted").isEqualTo(3);
        assertThat(tables.orderCount()).as("the orphan was deleted, the race's orders went with their customer")
                .isEqualTo(4);
    }

    @Test
    void rowsTheLessonDidNotWriteSurviveItsRuns(Database database) throws Exception {
        Customer theirs = new Customer(UUID.randomUUID(), "Someone Else's Customer");
        Order theirOrder = new Order(UUID.randomUUID(), theirs.id(), "their item", 7);
        Order theirOrphan = new Order(UUID.randomUUID(), UUID.randomUUID(), "their orphan", 1);
        try (SqlSession session = database.sessionFactory().openSession()) {
            session.getMapper(CustomerMapper.class).insert(theirs);
            session.getMapper(OrderMapper.class).insert(theirOrder);
            session.getMapper(OrderMapper.class).insert(theirOrphan);
            session.commit(true);
        }

        runLesson(database);
        String second = runLesson(database);

        assertThat(second).contains("Removed 7 customers and orders an earlier run of this lesson left.");
        try (SqlSession session = database.sessionFactory().openSession()) {
            assertThat(session.getMapper(CustomerMapper.class).findById(theirs.id())).isEqualTo(theirs);
            assertThat(session.getMapper(OrderMapper.class).findById(theirOrder.id())).isEqualTo(theirOrder);
            assertThat(session.getMapper(OrderMapper.class).findById(theirOrphan.id())).isEqualTo(theirOrphan);
        }
        assertThat(LessonTables.of(database).orderCount()).as("their 2 and the lesson's 4").isEqualTo(6);
    }

    @Test
    void aSecondRunStartsFromEmptyTablesAndSaysSo(Database database) throws Exception {
        runLesson(database);

        String second = runLesson(database);

        String removed = "Removed 7 customers and orders an earlier run of this lesson left.\n";
        assertThat(second).contains(removed);
        ExpectedOutput.assertMatches(PAGE, "joins", second.replace(removed, ""));
        assertThat(LessonTables.of(database).orderCount()).isEqualTo(4);
    }
}
