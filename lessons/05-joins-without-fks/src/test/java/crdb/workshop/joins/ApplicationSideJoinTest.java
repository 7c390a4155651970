package crdb.workshop.joins;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mybatis.SqlEcho;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.joins.mapper.Customer;
import crdb.workshop.joins.mapper.CustomerMapper;
import crdb.workshop.joins.mapper.CustomerWithOrders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The join done in Java: same answer as the JOIN, twice the queries. */
@DatabaseTest
class ApplicationSideJoinTest {

    private OrderService service;
    private RetryExecutor retry;

    @BeforeEach
    void emptyTables(Database database) {
        LessonTables.reset(database);
        retry = RetryExecutor.withDefaults(database.sessionFactory());
        service = new OrderService(retry);
    }

    private List<CustomerWithOrders> stitched() {
        return retry.inTransaction(ApplicationSideJoin::customersWithOrders);
    }

    private List<CustomerWithOrders> joined() {
        return retry.inTransaction(session -> session.getMapper(CustomerMapper.class).findAllWithOrders());
    }

    private void addCustomersAndOrders() {
        Customer ada = service.addCustomer("Ada");
        Customer bob = service.addCustomer("Bob");
        service.addCustomer("Cy");
        service.placeOrder(ada.id(), "pears", 1);
        service.placeOrder(ada.id(), "apples", 2);
        service.placeOrder(ada.id(), "apples", 2);
        service.placeOrder(bob.id(), "bananas", 3);
    }

    @Test
    void stitchesTheSameCustomersAndOrdersAsTheJoin() {
        addCustomersAndOrders();

        List<CustomerWithOrders> stitched = stitched();

        assertThat(stitched).extracting(CustomerWithOrders::name).containsExactly("Ada", "Bob", "Cy");
        assertThat(stitched).extracting(c -> c.orders().size()).containsExactly(3, 1, 0);
        assertThat(stitched).isEqualTo(joined());
    }

    @Test
    void sendsTwoQueriesWhereTheJoinSendsOne() {
        addCustomersAndOrders();

        assertThat(statementsSentBy(this::stitched)).hasSize(2);
        assertThat(statementsSentBy(this::joined)).hasSize(1);
    }

    @Test
    void withNoCustomersItSendsOneQueryAndReturnsNothing() {
        assertThat(statementsSentBy(this::stitched)).hasSize(1);
        assertThat(stitched()).isEmpty();
    }

    /** The statements MyBatis prepared while {@code work} ran, as --echo-sql prints them. */
    private static List<String> statementsSentBy(Supplier<?> work) {
        ByteArrayOutputStream echoed = new ByteArrayOutputStream();
        SqlEcho.echoTo(new PrintStream(echoed, true, StandardCharsets.UTF_8));
        try {
            work.get();
        } finally {
            SqlEcho.echoTo(null);
        }
        return echoed.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("Preparing:")).toList();
    }
}
