package crdb.workshop.joins;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.joins.mapper.Customer;
import crdb.workshop.joins.mapper.CustomerMapper;
import crdb.workshop.joins.mapper.Order;
import crdb.workshop.joins.mapper.OrderMapper;
import java.util.UUID;

/**
 * Writes customers and orders, keeping the promise a foreign key would have kept: no order names a
 * customer that does not exist. Each write checks, and writes, in ONE transaction; under
 * SERIALIZABLE that is enough, because a concurrent delete of the customer makes one of the two
 * transactions fail with SQLSTATE 40001, and the RetryExecutor runs it again.
 */
public final class OrderService {

    private final RetryExecutor retry;

    public OrderService(RetryExecutor retry) {
        this.retry = retry;
    }

    public Customer addCustomer(String name) {
        return addCustomer(UUID.randomUUID(), name);
    }

    /** Adds a customer with an id the caller chose (the lesson uses ids of its own; see LessonRows). */
    public Customer addCustomer(UUID id, String name) {
        if (name == null || name.isBlank()) {
            throw new WorkshopException("A customer needs a name: pass a non-empty name.");
        }
        Customer customer = new Customer(id, name.strip());
        retry.useTransaction(session -> session.getMapper(CustomerMapper.class).insert(customer));
        return customer;
    }

    // tag::place-order[]
    /** Places an order, or refuses with a WorkshopException (and writes nothing) if there is no such customer. */
    public Order placeOrder(UUID customerId, String item, int quantity) {
        if (item == null || item.isBlank() || quantity <= 0) {
            throw new WorkshopException("An order needs an item and a quantity of at least 1; got item '" + item
                    + "' and quantity " + quantity + ".");
        }
        // Chosen once, outside the callback: every attempt writes the same order.
        Order order = new Order(UUID.randomUUID(), customerId, item.strip(), quantity);
        retry.useTransaction(session -> {
            // The check and the insert share one transaction: if the customer is deleted
            // concurrently, SERIALIZABLE fails one of the two transactions, never both commit.
            if (session.getMapper(CustomerMapper.class).findById(customerId) == null) {
                throw new WorkshopException("No customer with id " + customerId
                        + ": add the customer first, or check the id.");
            }
            session.getMapper(OrderMapper.class).insert(order);
        });
        return order;
    }
    // end::place-order[]

    // tag::delete-customer[]
    /** Deletes a customer and their orders in one transaction; returns how many orders went with them. */
    public int deleteCustomer(UUID customerId) {
        return retry.inTransaction(session -> {
            // The customer first, then the orders: under READ COMMITTED this order matters (the
            // delete locks the customer before the orders are read); under SERIALIZABLE either works.
            if (session.getMapper(CustomerMapper.class).deleteById(customerId) == 0) {
                throw new WorkshopException("No customer with id " + customerId + " to delete: check the id.");
            }
            return session.getMapper(OrderMapper.class).deleteByCustomerId(customerId);
        });
    }
    // end::delete-customer[]
}
