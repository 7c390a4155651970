package crdb.workshop.joins.exercise;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.joins.mapper.CustomerMapper;
import crdb.workshop.joins.mapper.OrderMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Your turn. Each method returns a placeholder (or does nothing) and the tests reject it.
 * Check your work: ./mvnw -q -pl lessons/05-joins-without-fks -am test-compile exec:java@exercises
 */
public class OrderIntegrityExercise implements OrderIntegrity {

    // TODO-01: Return the ids of the customers that orders point at but that do not exist, each
    //          id once. Start from OrderMapper.findOrphans in OrderMapper.xml (orders LEFT JOIN
    //          customers ... WHERE c.id IS NULL) and select DISTINCT o.customer_id instead.
    //          Run it with connection.prepareStatement(...) and read each row with
    //          rs.getObject(1, UUID.class).
    @Override
    public List<UUID> missingCustomerIds(Connection connection) throws SQLException {
        return List.of();
    }

    // TODO-02: Move the order to another customer, checking like OrderService.placeOrder does:
    //          in ONE retry.useTransaction(session -> ...), look the customer up with
    //          CustomerMapper.findById and throw a WorkshopException if it is null; then call
    //          OrderMapper.moveToCustomer and throw a WorkshopException if it changed 0 rows (no
    //          such order). Throwing inside the callback rolls the transaction back.
    @Override
    public void moveOrder(RetryExecutor retry, UUID orderId, UUID toCustomerId) {
    }
}
