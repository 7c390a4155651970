package crdb.workshop.joins.mapper;

import java.util.UUID;

/**
 * An order and the customer who placed it: the many-to-one side of the join. MyBatis builds it
 * from one JOIN row (resultMap {@code orderWithCustomer}); the {@code <association>} sets
 * {@code customer} after construction, through the field.
 */
public final class OrderWithCustomer {

    private final UUID id;
    private final String item;
    private final int quantity;
    private Customer customer;

    public OrderWithCustomer(UUID id, String item, int quantity) {
        this.id = id;
        this.item = item;
        this.quantity = quantity;
    }

    public UUID id() {
        return id;
    }

    public String item() {
        return item;
    }

    public int quantity() {
        return quantity;
    }

    public Customer customer() {
        return customer;
    }

    @Override
    public String toString() {
        return "OrderWithCustomer[id=" + id + ", item=" + item + ", quantity=" + quantity + ", customer=" + customer + "]";
    }
}
