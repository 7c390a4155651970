package crdb.workshop.joins.solution;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.joins.exercise.OrderIntegrity;
import crdb.workshop.joins.mapper.CustomerMapper;
import crdb.workshop.joins.mapper.OrderMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The reference solution to exercise 05. Try the exercise before you read it. */
public class OrderIntegritySolution implements OrderIntegrity {

    @Override
    public List<UUID> missingCustomerIds(Connection connection) throws SQLException {
        String sql = "SELECT DISTINCT o.customer_id FROM orders AS o"
                + " LEFT JOIN customers AS c ON c.id = o.customer_id"
                + " WHERE c.id IS NULL";
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    @Override
    public void moveOrder(RetryExecutor retry, UUID orderId, UUID toCustomerId) {
        retry.useTransaction(session -> {
            if (session.getMapper(CustomerMapper.class).findById(toCustomerId) == null) {
                throw new WorkshopException("No customer with id " + toCustomerId + " to move the order to: check the id.");
            }
            if (session.getMapper(OrderMapper.class).moveToCustomer(orderId, toCustomerId) == 0) {
                throw new WorkshopException("No order with id " + orderId + " to move: check the id.");
            }
        });
    }
}
