package crdb.workshop.joins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.joins.mapper.BrokenJoinMapper;
import crdb.workshop.joins.mapper.Customer;
import crdb.workshop.joins.mapper.CustomerMapper;
import crdb.workshop.joins.mapper.CustomerWithOrders;
import crdb.workshop.joins.mapper.Order;
import crdb.workshop.joins.mapper.OrderMapper;
import crdb.workshop.joins.mapper.OrderWithCustomer;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One JOIN, many rows, nested objects: how MyBatis groups the rows, and what it needs to do it right. */
@DatabaseTest
class NestedResultMapTest {

    private LessonTables tables;
    private OrderService service;
    private SqlSessionFactory sessions;

    @BeforeEach
    void emptyTables(Database database) {
        tables = LessonTables.reset(database);
        service = new OrderService(RetryExecutor.withDefaults(database.sessionFactory()));
        sessions = database.sessionFactory();
    }

    private List<CustomerWithOrders> customersWithOrders() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(CustomerMapper.class).findAllWithOrders();
        }
    }

    @Test
    void eachCustomerAppearsOnceWithAllTheirOrdersInItemOrder() {
        // Items chosen so that sorting by item alone would interleave the customers' rows.
        Customer ada = service.addCustomer("Ada");
        Customer bob = service.addCustomer("Bob");
        Customer cy = service.addCustomer("Cy");
        Order pears = service.placeOrder(ada.id(), "pears", 1);
        Order apples = service.placeOrder(ada.id(), "apples", 2);
        Order bananas = service.placeOrder(bob.id(), "bananas", 3);

        List<CustomerWithOrders> customers = customersWithOrders();

        assertThat(customers).extracting(CustomerWithOrders::name).containsExactly("Ada", "Bob", "Cy");
        assertThat(customers.get(0).orders()).containsExactly(apples, pears);
        assertThat(customers.get(1).orders()).containsExactly(bananas);
        assertThat(customers.get(2).id()).isEqualTo(cy.id());
        assertThat(customers.get(2).orders()).as("a customer without orders: NULL order columns").isEmpty();
    }

    @Test
    void twoIdenticalOrdersStayTwoOrders() {
        Customer ada = service.addCustomer("Ada");
        Order first = service.placeOrder(ada.id(), "notebook", 2);
        Order second = service.placeOrder(ada.id(), "notebook", 2);

        assertThat(customersWithOrders()).singleElement()
                .satisfies(customer -> assertThat(customer.orders()).containsExactlyInAnyOrder(first, second));
    }

    @Test
    void twoCustomersWithTheSameNameStayTwoCustomers() {
        Customer first = service.addCustomer("Sam Smith");
        Customer second = service.addCustomer("Sam Smith");
        Order firstOrder = service.placeOrder(first.id(), "notebook", 1);
        Order secondOrder = service.placeOrder(second.id(), "notebook", 1);

        List<CustomerWithOrders> customers = customersWithOrders();

        assertThat(customers).hasSize(2);
        for (CustomerWithOrders customer : customers) {
            assertThat(customer.orders()).singleElement().isIn(firstOrder, secondOrder)
                    .extracting(Order::customerId).isEqualTo(customer.id());
        }
    }

    @Test
    void withoutTheColumnPrefixEveryOrderReadsTheCustomersIdAndTheyCollapseIntoOne() {
        Customer ada = service.addCustomer("Ada");
        service.placeOrder(ada.id(), "apples", 1);
        service.placeOrder(ada.id(), "pears", 2);

        List<CustomerWithOrders> broken;
        try (SqlSession session = sessions.openSession()) {
            broken = session.getMapper(BrokenJoinMapper.class).findAllWithOrdersWithoutPrefix();
        }

        assertThat(customersWithOrders()).singleElement().extracting(c -> c.orders().size()).isEqualTo(2);
        // Same customer id on both rows, so MyBatis sees the same order twice and keeps one.
        assertThat(broken).singleElement().satisfies(customer -> {
            assertThat(customer.orders()).hasSize(1);
            assertThat(customer.orders().get(0).id()).isEqualTo(ada.id());
        });
    }

    @Test
    void withRowsSortedByItemAloneACustomerComesBackSplitInTwo() {
        Customer ada = service.addCustomer("Ada");
        Customer bob = service.addCustomer("Bob");
        service.placeOrder(ada.id(), "apples", 1);
        service.placeOrder(bob.id(), "bananas", 2);
        service.placeOrder(ada.id(), "pears", 3);

        List<CustomerWithOrders> broken;
        try (SqlSession session = sessions.openSession()) {
            broken = session.getMapper(BrokenJoinMapper.class).findAllWithOrdersSortedByItem();
        }

        // Rows: Ada (apples), Bob (bananas), Ada (pears). With resultOrdered, a new customer ends the last one.
        assertThat(broken).extracting(CustomerWithOrders::name).containsExactly("Ada", "Bob", "Ada");
        assertThat(customersWithOrders()).extracting(CustomerWithOrders::name).containsExactly("Ada", "Bob");
    }

    @Test
    void findAllWithCustomerGivesEachOrderItsOwnCustomerAndLeavesOrphansOut() {
        Customer ada = service.addCustomer("Ada");
        Customer bob = service.addCustomer("Bob");
        Order adas = service.placeOrder(ada.id(), "notebook", 2);
        Order bobs = service.placeOrder(bob.id(), "pencil", 5);
        tables.insertUnchecked(new Order(UUID.randomUUID(), UUID.randomUUID(), "sticky notes", 3));

        List<OrderWithCustomer> orders;
        try (SqlSession session = sessions.openSession()) {
            orders = session.getMapper(OrderMapper.class).findAllWithCustomer();
        }

        assertThat(orders).extracting(OrderWithCustomer::id).containsExactly(adas.id(), bobs.id());
        assertThat(orders).extracting(OrderWithCustomer::customer).containsExactly(ada, bob);
        assertThat(orders).extracting(OrderWithCustomer::item, OrderWithCustomer::quantity)
                .containsExactly(tuple("notebook", 2), tuple("pencil", 5));
    }
}
