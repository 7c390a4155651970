package crdb.workshop.joins;

import crdb.workshop.joins.mapper.Customer;
import crdb.workshop.joins.mapper.CustomerMapper;
import crdb.workshop.joins.mapper.CustomerWithOrders;
import crdb.workshop.joins.mapper.Order;
import crdb.workshop.joins.mapper.OrderMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;

/**
 * The join done in Java: one query for the customers, one for all their orders, stitched together
 * by customer id. Two round trips instead of one, but each query stays on one table, so the two
 * tables could live in different places.
 */
public final class ApplicationSideJoin {

    private ApplicationSideJoin() {
    }

    // tag::application-side-join[]
    /**
     * The same list as {@code CustomerMapper.findAllWithOrders}. Run it in one transaction: then both
     * queries read the same snapshot, and no order can appear whose customer the first one missed.
     */
    public static List<CustomerWithOrders> customersWithOrders(SqlSession session) {
        List<Customer> customers = session.getMapper(CustomerMapper.class).findAll();
        if (customers.isEmpty()) {
            return List.of(); // and skip the second query: IN () is a syntax error
        }
        List<UUID> ids = customers.stream().map(Customer::id).toList();
        Map<UUID, List<Order>> ordersByCustomer = session.getMapper(OrderMapper.class).findByCustomerIds(ids)
                .stream().collect(Collectors.groupingBy(Order::customerId)); // keeps the query's order

        List<CustomerWithOrders> joined = new ArrayList<>();
        for (Customer customer : customers) {
            CustomerWithOrders withOrders = new CustomerWithOrders(customer.id(), customer.name());
            withOrders.orders().addAll(ordersByCustomer.getOrDefault(customer.id(), List.of()));
            joined.add(withOrders);
        }
        return joined;
    }
    // end::application-side-join[]
}
