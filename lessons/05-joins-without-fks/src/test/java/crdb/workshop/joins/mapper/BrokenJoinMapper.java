package crdb.workshop.joins.mapper;

import java.util.List;

/** Test only: the one-JOIN query done wrong in two ways, to show what the lesson's mapping prevents. */
public interface BrokenJoinMapper {

    /** Reads the order's id from the column {@code id}, which is the customer's: no column prefix. */
    List<CustomerWithOrders> findAllWithOrdersWithoutPrefix();

    /** The lesson's result map, but the rows sorted by item, so one customer's rows are not together. */
    List<CustomerWithOrders> findAllWithOrdersSortedByItem();
}
