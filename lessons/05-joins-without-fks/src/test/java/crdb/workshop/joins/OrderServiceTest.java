package crdb.workshop.joins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.joins.mapper.Customer;
import crdb.workshop.joins.mapper.Order;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checked writes, one at a time: what they write, and that a refusal writes nothing. */
@DatabaseTest
class OrderServiceTest {

    private LessonTables tables;
    private OrderService service;

    @BeforeEach
    void emptyTables(Database database) {
        tables = LessonTables.reset(database);
        service = new OrderService(RetryExecutor.withDefaults(database.sessionFactory()));
    }

    @Test
    void placeOrderWritesTheOrderForAnExistingCustomer() {
        Customer ada = service.addCustomer("Ada Lovelace");

        Order placed = service.placeOrder(ada.id(), " notebook ", 2);

        assertThat(tables.order(placed.id())).isEqualTo(new Order(placed.id(), ada.id(), "notebook", 2));
        assertThat(tables.orderCount()).isEqualTo(1);
    }

    @Test
    void placeOrderForAMissingCustomerIsRefusedAndWritesNothing() {
        service.addCustomer("Ada Lovelace");
        UUID nobody = UUID.randomUUID();

        assertThatThrownBy(() -> service.placeOrder(nobody, "notebook", 2))
                .isInstanceOf(WorkshopException.class)
                .hasMessage("No customer with id " + nobody + ": add the customer first, or check the id.");
        assertThat(tables.orderCount()).isZero();
    }

    @Test
    void placeOrderRefusesABlankItemOrAQuantityBelowOneAndWritesNothing() {
        Customer ada = service.addCustomer("Ada Lovelace");

        assertThatThrownBy(() -> service.placeOrder(ada.id(), " ", 2))
                .isInstanceOf(WorkshopException.class).hasMessageContaining("needs an item");
        assertThatThrownBy(() -> service.placeOrder(ada.id(), "notebook", 0))
                .isInstanceOf(WorkshopException.class).hasMessageContaining("quantity of at least 1");
        assertThat(tables.orderCount()).isZero();
    }

    @Test
    void addCustomerRefusesABlankName() {
        assertThatThrownBy(() -> service.addCustomer("  "))
                .isInstanceOf(WorkshopException.class).hasMessageContaining("needs a name");
        assertThat(tables.customerCount()).isZero();
    }

    @Test
    void deleteCustomerTakesTheirOrdersAndLeavesOthersAlone() {
        Customer ada = service.addCustomer("Ada Lovelace");
        Customer grace = service.addCustomer("Grace Hopper");
        service.placeOrder(ada.id(), "notebook", 2);
        service.placeOrder(ada.id(), "punch cards", 100);
        Order gracesOrder = service.placeOrder(grace.id(), "compiler manual", 1);

        assertThat(service.deleteCustomer(ada.id())).isEqualTo(2);

        assertThat(tables.customerCount()).isEqualTo(1);
        assertThat(tables.orderCount()).isEqualTo(1);
        assertThat(tables.order(gracesOrder.id())).isEqualTo(gracesOrder);
    }

    @Test
    void deleteCustomerRefusesAnUnknownIdAndDeletesNothing() {
        Customer ada = service.addCustomer("Ada Lovelace");
        service.placeOrder(ada.id(), "notebook", 2);
        UUID nobody = UUID.randomUUID();

        assertThatThrownBy(() -> service.deleteCustomer(nobody))
                .isInstanceOf(WorkshopException.class).hasMessageContaining(nobody.toString());
        assertThat(tables.customerCount()).isEqualTo(1);
        assertThat(tables.orderCount()).isEqualTo(1);
    }

    @Test
    void findOrphansFindsExactlyTheOrdersWhoseCustomerIsMissing() {
        Customer ada = service.addCustomer("Ada Lovelace");
        Customer grace = service.addCustomer("Grace Hopper");
        service.placeOrder(ada.id(), "notebook", 2);
        Order gracesOrder = service.placeOrder(grace.id(), "compiler manual", 1);
        Order planted = new Order(UUID.randomUUID(), UUID.randomUUID(), "sticky notes", 3);
        tables.insertUnchecked(planted);
        assertThat(tables.orphans()).containsExactly(planted);

        service.deleteCustomer(ada.id()); // takes Ada's order with her: no new orphan
        assertThat(tables.orphans()).containsExactly(planted);

        tables.deleteCustomerRowOnly(grace.id()); // forgets her order: an orphan
        assertThat(tables.orphans()).containsExactlyInAnyOrder(planted, gracesOrder);
    }
}
