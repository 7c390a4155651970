package crdb.workshop.joins;

import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.joins.mapper.Customer;
import crdb.workshop.joins.mapper.CustomerMapper;
import crdb.workshop.joins.mapper.CustomerWithOrders;
import crdb.workshop.joins.mapper.OrderMapper;
import crdb.workshop.joins.mapper.OrderWithCustomer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lesson 05: customers and orders with no foreign key between them. Join them in one query (MyBatis
 * nests the rows) and in Java (two queries); then see what the missing foreign key costs, and keep
 * the data consistent anyway, even while a delete races the inserts.
 */
public final class JoinsLesson {

    private JoinsLesson() {
    }

    public static void main(String[] args) {
        LessonRunner.main(args, JoinsLesson::run);
    }

    static void run(Database database, PrintStream out) throws InterruptedException {
        database.runScript("crdb/workshop/joins/schema.sql");
        out.println("Applied crdb/workshop/joins/schema.sql: customers, and orders whose customer_id is indexed"
                + " but has no foreign key.");
        out.println("This lesson writes customers with ids of its own and orders for them; it removes only those.");
        RetryExecutor retry = RetryExecutor.withDefaults(database.sessionFactory());
        OrderService service = new OrderService(retry);
        int removed = LessonRows.removeLeftovers(retry);
        if (removed > 0) {
            out.println("Removed " + removed + " customers and orders an earlier run of this lesson left.");
        }

        // tag::add-data[]
        Customer ada = service.addCustomer(LessonRows.ADA, "Ada Lovelace");
        Customer grace = service.addCustomer(LessonRows.GRACE, "Grace Hopper");
        service.addCustomer(LessonRows.MARGARET, "Margaret Hamilton"); // no orders: the LEFT JOIN still lists her
        service.placeOrder(ada.id(), "notebook", 2);
        service.placeOrder(ada.id(), "punch cards", 100);
        service.placeOrder(grace.id(), "compiler manual", 1);
        service.placeOrder(grace.id(), "nanosecond wire", 12);
        // end::add-data[]
        out.println("Added 3 customers and 4 orders.");

        joinInOneQuery(retry, out);
        joinInJava(retry, out);
        MissingForeignKey.show(service, retry, out);
        raceDeleteAgainstInserts(database, retry, out);
        out.println("Run with --echo-sql to see every statement.");
    }

    private static void joinInOneQuery(RetryExecutor retry, PrintStream out) {
        // tag::join-in-one-query[]
        List<CustomerWithOrders> customers =
                retry.inReadOnlyTransaction(session -> session.getMapper(CustomerMapper.class).findAllWithOrders());
        List<OrderWithCustomer> orders =
                retry.inReadOnlyTransaction(session -> session.getMapper(OrderMapper.class).findAllWithCustomer());
        // end::join-in-one-query[]
        out.println();
        out.println("One JOIN, customers LEFT JOIN orders, nested by a <collection> (1 query):");
        customers.forEach(customer -> out.println("  " + describe(customer)));
        out.println("One JOIN, orders JOIN customers, each with an <association> (1 query):");
        orders.forEach(order -> out.println("  " + order.item() + " x" + order.quantity()
                + " for " + order.customer().name()));
    }

    private static void joinInJava(RetryExecutor retry, PrintStream out) {
        // tag::join-in-java[]
        List<CustomerWithOrders> stitched = retry.inReadOnlyTransaction(ApplicationSideJoin::customersWithOrders);
        // end::join-in-java[]
        List<CustomerWithOrders> joined =
                retry.inReadOnlyTransaction(session -> session.getMapper(CustomerMapper.class).findAllWithOrders());
        out.println("The same join in Java: customers, then their orders, stitched by customer_id (2 queries):");
        stitched.forEach(customer -> out.println("  " + describe(customer)));
        out.println("  Same as the JOIN: " + (stitched.equals(joined) ? "yes" : "NO"));
    }

    private static void raceDeleteAgainstInserts(Database database, RetryExecutor retry, PrintStream out)
            throws InterruptedException {
        int inserters = 4;
        // The heading first: with --echo-sql, the race's SQL prints while it runs, under it.
        out.println();
        out.println("Deleting a customer while " + inserters + " threads place orders for them:");
        // tag::race[]
        DeleteVersusInsertRace.Outcome race =
                DeleteVersusInsertRace.run(database.sessionFactory(), LessonRows.RACE, inserters, 25, Duration.ofSeconds(60));
        // end::race[]
        int orphans = retry.inReadOnlyTransaction(
                session -> session.getMapper(OrderMapper.class).findOrphans()).size();
        out.println("  " + race.placed() + " orders placed, " + race.ordersDeleted() + " deleted with the customer, "
                + race.refused() + " refused because the customer was gone.");
        out.println("  Transactions retried after SQLSTATE 40001: " + race.retries() + ".");
        out.println("  Orphans: " + orphans + ".");
    }


    private static String describe(CustomerWithOrders customer) {
        return customer.name() + ": " + (customer.orders().isEmpty() ? "no orders"
                : customer.orders().stream().map(o -> o.item() + " x" + o.quantity()).collect(Collectors.joining(", ")));
    }
}
