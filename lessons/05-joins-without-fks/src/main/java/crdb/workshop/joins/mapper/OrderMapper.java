package crdb.workshop.joins.mapper;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Orders. One-line statements are annotations; the rest, with result maps or dynamic SQL, are in
 * OrderMapper.xml. Nothing here checks that a customer exists: that is OrderService's job.
 */
public interface OrderMapper {

    @Insert("INSERT INTO orders (id, customer_id, item, quantity) VALUES (#{id}, #{customerId}, #{item}, #{quantity})")
    void insert(Order order);

    Order findById(UUID id);

    /** The orders of these customers (not empty: {@code IN ()} is a syntax error), by item. */
    List<Order> findByCustomerIds(@Param("customerIds") Collection<UUID> customerIds);

    /** Every order with its customer, from ONE query: orders JOIN customers. Orphans do not appear. */
    List<OrderWithCustomer> findAllWithCustomer();

    /** Orders whose customer does not exist: what a foreign key would have prevented. */
    List<Order> findOrphans();

    @Update("UPDATE orders SET customer_id = #{customerId} WHERE id = #{orderId}")
    int moveToCustomer(@Param("orderId") UUID orderId, @Param("customerId") UUID customerId);

    @Delete("DELETE FROM orders WHERE customer_id = #{customerId}")
    int deleteByCustomerId(UUID customerId);

    @Delete("DELETE FROM orders WHERE id = #{id}")
    int deleteById(UUID id);

    /** The orders of these customers (not empty). */
    int deleteByCustomerIds(@Param("customerIds") Collection<UUID> customerIds);

    @Select("SELECT count(*) FROM orders")
    long count();
}
