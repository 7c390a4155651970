package crdb.workshop.joins.mapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer and all their orders: the one-to-many side of the join. MyBatis builds it from the
 * rows of one JOIN (resultMap {@code customerWithOrders}), adding an order per row; the
 * application-side join builds the same thing from two queries.
 *
 * <p>A class rather than a record because MyBatis 3.5 fills a {@code <collection>} after
 * construction, through the field.
 */
public final class CustomerWithOrders {

    private final UUID id;
    private final String name;
    private final List<Order> orders = new ArrayList<>();

    public CustomerWithOrders(UUID id, String name) {
        this.id = id;
        this.name = name;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** In the order the query returned them (the JOIN sorts them by item). */
    public List<Order> orders() {
        return orders;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomerWithOrders that
                && id.equals(that.id) && name.equals(that.name) && orders.equals(that.orders);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, orders);
    }

    @Override
    public String toString() {
        return "CustomerWithOrders[id=" + id + ", name=" + name + ", orders=" + orders + "]";
    }
}
