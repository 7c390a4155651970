package crdb.workshop.joins.mapper;

import java.util.UUID;

/** A row of customers. */
public record Customer(UUID id, String name) {
}
