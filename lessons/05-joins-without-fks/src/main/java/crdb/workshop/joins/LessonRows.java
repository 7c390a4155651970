package crdb.workshop.joins;

import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.joins.mapper.CustomerMapper;
import crdb.workshop.joins.mapper.OrderMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The customers this lesson writes, with ids of its own: name-based UUIDs, the same on every run.
 * They are how the lesson knows its rows from anyone else's in the same tables, so a re-run
 * removes what an earlier run left, and nothing else: its customers and the orders that name them.
 */
final class LessonRows {

    static final UUID ADA = id("Ada Lovelace");
    static final UUID GRACE = id("Grace Hopper");
    static final UUID MARGARET = id("Margaret Hamilton");
    /** The customer the delete-versus-insert race deletes. */
    static final UUID RACE = id("race customer");
    /** No customer has this id: the orphan order names it. */
    static final UUID NOBODY = id("nobody");

    /** Every customer id the lesson writes, or names in an order. */
    static final List<UUID> CUSTOMER_IDS = List.of(ADA, GRACE, MARGARET, RACE, NOBODY);

    private LessonRows() {
    }

    // tag::remove-leftovers[]
    /**
     * A second run starts from where the first began: removes the customers with the lesson's ids
     * and the orders that name them (idempotent, so retried even after a lost COMMIT answer), and
     * returns how many rows went. Rows anyone else wrote in these tables stay.
     */
    static int removeLeftovers(RetryExecutor retry) {
        return retry.inIdempotentTransaction(session ->
                session.getMapper(OrderMapper.class).deleteByCustomerIds(CUSTOMER_IDS)
                        + session.getMapper(CustomerMapper.class).deleteByIds(CUSTOMER_IDS));
    }
    // end::remove-leftovers[]

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("crdb-workshop/lesson-05/" + name).getBytes(StandardCharsets.UTF_8));
    }
}
