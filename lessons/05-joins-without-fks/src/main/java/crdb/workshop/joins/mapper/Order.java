package crdb.workshop.joins.mapper;

import java.util.UUID;

/** A row of orders. {@code customerId} names a customer, but no foreign key promises it exists. */
public record Order(UUID id, UUID customerId, String item, int quantity) {
}
