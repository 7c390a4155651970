package crdb.workshop.joins;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.retry.RetryListener;
import crdb.workshop.joins.mapper.Customer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Threads place orders for one customer while another thread deletes that customer and their
 * orders. With the existence check inside each order's transaction, every order either committed
 * before the delete (and was deleted with the customer) or was refused: none is left behind.
 */
public final class DeleteVersusInsertRace {

    /**
     * What happened in one race.
     *
     * @param placed        orders that committed
     * @param refused       orders refused because the customer was gone
     * @param ordersDeleted orders the delete removed with the customer
     * @param retries       transactions the RetryExecutor ran again (all SQLSTATE 40001)
     * @param retriedStates the SQLSTATEs it retried on
     */
    public record Outcome(UUID customerId, int placed, int refused, int ordersDeleted, int retries,
            Set<String> retriedStates) {
    }

    /** Enough for the inserts to run out, with the executor's backoff (at most 2 s between attempts). */
    static final int MAX_ATTEMPTS = 100;

    private DeleteVersusInsertRace() {
    }

    /** Runs one race with {@code inserters} threads placing up to {@code ordersEach} orders each. */
    public static Outcome run(SqlSessionFactory sessions, int inserters, int ordersEach, Duration timeout)
            throws InterruptedException {
        return run(sessions, UUID.randomUUID(), inserters, ordersEach, timeout);
    }

    /** As above, for a race customer with the id {@code customerId}. */
    public static Outcome run(SqlSessionFactory sessions, UUID customerId, int inserters, int ordersEach,
            Duration timeout) throws InterruptedException {
        AtomicInteger retries = new AtomicInteger();
        Set<String> retriedStates = ConcurrentHashMap.newKeySet();
        OrderService service = new OrderService(RetryExecutor.builder(sessions)
                // tag::retry-settings[]
                // Bounded by time, not by count: while inserts keep coming, each attempt of the delete
                // can meet one in flight and be rolled back with 40001, and the farther away the server,
                // the longer that lasts (at 200 ms a round trip, past 10 attempts). The workspace's
                // give-up time, which the executor keeps, still ends it when the server is gone.
                .maxAttempts(MAX_ATTEMPTS)
                // end::retry-settings[]
                .listener(new RetryListener() {
                    @Override
                    public void retrying(int attempt, Duration delay, String sqlState, Throwable cause) {
                        retries.incrementAndGet();
                        retriedStates.add(String.valueOf(sqlState));
                    }
                })
                .build());
        Customer customer = service.addCustomer(customerId, "Race Customer");

        AtomicInteger placed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        // The delete waits until every inserter has an order in, so it lands while they are busy.
        CountDownLatch everyInserterPlacedOne = new CountDownLatch(inserters);
        // Named for --echo-sql, which labels each thread's SQL; each task starts its own thread, in order.
        AtomicInteger started = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(inserters + 1, task -> {
            int n = started.incrementAndGet();
            return new Thread(task, n <= inserters ? "inserter-" + n : "deleter");
        });
        try {
            List<Future<?>> inserts = new ArrayList<>();
            for (int t = 0; t < inserters; t++) {
                inserts.add(threads.submit(() -> {
                    for (int i = 0; i < ordersEach; i++) {
                        try {
                            service.placeOrder(customer.id(), "race item", 1);
                            placed.incrementAndGet();
                        } catch (WorkshopException customerGone) {
                            refused.incrementAndGet();
                        }
                        if (i == 0) {
                            everyInserterPlacedOne.countDown();
                        }
                    }
                    return null;
                }));
            }
            Future<Integer> delete = threads.submit(() -> {
                everyInserterPlacedOne.await();
                return service.deleteCustomer(customer.id());
            });

            long deadline = System.nanoTime() + timeout.toNanos();
            for (Future<?> insert : inserts) {
                await(insert, deadline);
            }
            int ordersDeleted = await(delete, deadline);
            return new Outcome(customer.id(), placed.get(), refused.get(), ordersDeleted, retries.get(),
                    new TreeSet<>(retriedStates));
        } finally {
            threads.shutdownNow();
        }
    }

    private static <T> T await(Future<T> future, long deadlineNanos) throws InterruptedException {
        try {
            return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the race did not finish in time", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }
}
