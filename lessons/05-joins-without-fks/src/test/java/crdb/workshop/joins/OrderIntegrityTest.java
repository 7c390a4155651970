package crdb.workshop.joins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.Exercise;
import crdb.workshop.common.testing.Exercises;
import crdb.workshop.common.testing.Todo;
import crdb.workshop.joins.exercise.OrderIntegrity;
import crdb.workshop.joins.exercise.OrderIntegrityExercise;
import crdb.workshop.joins.mapper.Customer;
import crdb.workshop.joins.mapper.Order;
import crdb.workshop.joins.solution.OrderIntegritySolution;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exercise 05: do the foreign key's job yourself.
 * <ul>
 *   <li>TODO-01 in {@link OrderIntegrityExercise}: find the customers that orders point at but
 *       that do not exist (the orphan query, one row per missing customer).
 *   <li>TODO-02 in {@link OrderIntegrityExercise}: move an order to another customer, checking in
 *       the same transaction that the customer exists.
 * </ul>
 * Run against your code: ./mvnw -q -pl lessons/05-joins-without-fks -am test-compile exec:java@exercises
 */
@Exercise
@DatabaseTest
class OrderIntegrityTest {

    private final OrderIntegrity integrity = Exercises.pick(OrderIntegritySolution::new, OrderIntegrityExercise::new);

    private Database database;
    private LessonTables tables;
    private OrderService service;
    private RetryExecutor retry;

    @BeforeEach
    void emptyTables(Database database) {
        this.database = database;
        tables = LessonTables.reset(database);
        retry = RetryExecutor.withDefaults(database.sessionFactory());
        service = new OrderService(retry);
    }

    private Order orphanOf(UUID missingCustomer, String item) {
        Order orphan = new Order(UUID.randomUUID(), missingCustomer, item, 1);
        tables.insertUnchecked(orphan);
        return orphan;
    }

    @Test
    @Todo(1)
    void missingCustomerIdsNamesEachMissingCustomerOnce() throws SQLException {
        Customer ada = service.addCustomer("Ada");
        service.placeOrder(ada.id(), "notebook", 2);
        UUID gone = UUID.randomUUID();
        UUID alsoGone = UUID.randomUUID();
        orphanOf(gone, "pencil");
        orphanOf(gone, "eraser");
        orphanOf(alsoGone, "ruler");

        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(integrity.missingCustomerIds(connection))
                    .as("missingCustomerIds(): the customer_id of orders with no customer (LEFT JOIN ... WHERE c.id IS"
                            + " NULL), each once (DISTINCT): two orders name the same missing customer")
                    .containsExactlyInAnyOrder(gone, alsoGone);
        }
    }

    @Test
    @Todo(1)
    void missingCustomerIdsLeavesOutCustomersThatExist() throws SQLException {
        Customer ada = service.addCustomer("Ada");
        service.placeOrder(ada.id(), "notebook", 2);
        Customer bob = service.addCustomer("Bob");
        service.placeOrder(bob.id(), "pencil", 1);
        UUID gone = UUID.randomUUID();
        orphanOf(gone, "ruler");
        tables.deleteCustomerRowOnly(bob.id()); // Bob's order is an orphan now

        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(integrity.missingCustomerIds(connection))
                    .as("missingCustomerIds() after Bob's customer row was deleted: Bob's id and the other missing"
                            + " customer's, not Ada's (she exists), not order ids")
                    .containsExactlyInAnyOrder(gone, bob.id());
        }
    }

    @Test
    @Todo(2)
    void moveOrderMovesTheOrderToAnotherExistingCustomer() {
        Customer ada = service.addCustomer("Ada");
        Customer bob = service.addCustomer("Bob");
        Order order = service.placeOrder(ada.id(), "notebook", 2);

        integrity.moveOrder(retry, order.id(), bob.id());

        assertThat(tables.order(order.id())).as("the order after moveOrder(to Bob): Bob's, nothing else changed")
                .isEqualTo(new Order(order.id(), bob.id(), "notebook", 2));
    }

    @Test
    @Todo(2)
    void moveOrderToAMissingCustomerIsRefusedAndChangesNothing() {
        Customer ada = service.addCustomer("Ada");
        Order order = service.placeOrder(ada.id(), "notebook", 2);
        UUID nobody = UUID.randomUUID();

        assertThat(catchThrowable(() -> integrity.moveOrder(retry, order.id(), nobody)))
                .as("moveOrder(to a customer that does not exist): a WorkshopException naming that customer's id")
                .isInstanceOf(WorkshopException.class).hasMessageContaining(nobody.toString());
        assertThat(tables.order(order.id())).as("the order after the refused move: unchanged").isEqualTo(order);
        assertThat(tables.orphans()).as("orders whose customer does not exist").isEmpty();
    }

    @Test
    @Todo(2)
    void moveOrderOfAMissingOrderIsRefused() {
        Customer ada = service.addCustomer("Ada");
        Order order = service.placeOrder(ada.id(), "notebook", 2);
        UUID noSuchOrder = UUID.randomUUID();

        assertThat(catchThrowable(() -> integrity.moveOrder(retry, noSuchOrder, ada.id())))
                .as("moveOrder(an order that does not exist): a WorkshopException naming that order's id, since"
                        + " moveToCustomer changed 0 rows")
                .isInstanceOf(WorkshopException.class).hasMessageContaining(noSuchOrder.toString());
        assertThat(tables.order(order.id())).as("the other order: unchanged").isEqualTo(order);
    }
}
