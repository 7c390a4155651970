package crdb.workshop.joins.mapper;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Customers. One-line statements are annotations; the rest, with result maps, are in CustomerMapper.xml. */
public interface CustomerMapper {

    @Insert("INSERT INTO customers (id, name) VALUES (#{id}, #{name})")
    void insert(Customer customer);

    /** The customer, or {@code null}: the existence check that stands in for a foreign key. */
    Customer findById(UUID id);

    /** As {@link #findById}, holding a shared lock to the end of the transaction (for READ COMMITTED). */
    Customer findByIdForShare(UUID id);

    /** Every customer, by name. */
    List<Customer> findAll();

    /** Every customer with their orders, from ONE query: customers LEFT JOIN orders. */
    List<CustomerWithOrders> findAllWithOrders();

    @Delete("DELETE FROM customers WHERE id = #{id}")
    int deleteById(UUID id);

    /** The customers with these ids (not empty). */
    int deleteByIds(@Param("ids") Collection<UUID> ids);

    @Select("SELECT count(*) FROM customers")
    long count();
}
