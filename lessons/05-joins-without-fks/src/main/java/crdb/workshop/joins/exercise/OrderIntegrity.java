package crdb.workshop.joins.exercise;

import crdb.workshop.common.retry.RetryExecutor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Exercise 05: do the foreign key's job yourself, for a query and for a write. */
public interface OrderIntegrity {

    /** The ids of the customers that orders name but that do not exist, each once, in any order. */
    List<UUID> missingCustomerIds(Connection connection) throws SQLException;

    /**
     * Moves an order to another customer, in one transaction. Throws a WorkshopException, and
     * changes nothing, when that customer or that order does not exist.
     */
    void moveOrder(RetryExecutor retry, UUID orderId, UUID toCustomerId);
}
