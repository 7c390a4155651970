package crdb.workshop.joins;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.joins.mapper.Order;
import crdb.workshop.joins.mapper.OrderMapper;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

/**
 * Lesson 05's third step: what the missing foreign key costs. OrderService refuses an order for a
 * customer that does not exist; a bare INSERT that skips the check is accepted, and leaves an
 * orphan that an inner JOIN hides. The lesson deletes the orphan again.
 */
final class MissingForeignKey {

    private MissingForeignKey() {
    }

    static void show(OrderService service, RetryExecutor retry, PrintStream out) {
        out.println();
        out.println("Without a foreign key, the database accepts any customer_id:");
        UUID nobody = LessonRows.NOBODY; // no customer has this id
        // tag::refused[]
        try {
            service.placeOrder(nobody, "sticky notes", 3);
        } catch (WorkshopException refused) {
            out.println("  OrderService refuses an order for a customer that does not exist: " + refused.getMessage());
        }
        // end::refused[]
        out.println("  Orders: still " + countOrders(retry) + ".");

        // tag::orphan[]
        // A code path that forgets the check: the bare mapper writes whatever it is given.
        Order orphan = new Order(UUID.randomUUID(), nobody, "sticky notes", 3);
        retry.useTransaction(session -> session.getMapper(OrderMapper.class).insert(orphan));
        List<Order> orphans = retry.inReadOnlyTransaction(session -> session.getMapper(OrderMapper.class).findOrphans());
        // end::orphan[]
        out.println("  A plain INSERT that skips the check is accepted. Orders: " + countOrders(retry) + ".");
        out.println("  Orphans (orders LEFT JOIN customers WHERE customers.id IS NULL): " + orphans.size());
        orphans.forEach(o -> out.println("    order " + o.id() + ": " + o.item() + " x" + o.quantity()
                + " for missing customer " + o.customerId()));
        int listed = retry.inReadOnlyTransaction(
                session -> session.getMapper(OrderMapper.class).findAllWithCustomer()).size();
        out.println("  The inner JOIN above hides it: it lists " + listed + " of " + countOrders(retry) + " orders.");
        retry.useTransaction(session -> session.getMapper(OrderMapper.class).deleteById(orphan.id()));
        out.println("  Deleted the orphan.");
    }

    private static long countOrders(RetryExecutor retry) {
        return retry.inReadOnlyTransaction(session -> session.getMapper(OrderMapper.class).count());
    }
}
