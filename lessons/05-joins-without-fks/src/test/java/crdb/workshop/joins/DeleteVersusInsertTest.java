package crdb.workshop.joins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.retry.RetryListener;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.joins.mapper.Customer;
import crdb.workshop.joins.mapper.CustomerMapper;
import crdb.workshop.joins.mapper.Order;
import crdb.workshop.joins.mapper.OrderMapper;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Why the existence check is enough under SERIALIZABLE. First the two interleavings that could
 * leave an orphan, each forced step by step: in both, the database fails one transaction with
 * SQLSTATE 40001 and the retry does the right thing. Then threads racing for real.
 */
@DatabaseTest
class DeleteVersusInsertTest {

    private Database database;
    private LessonTables tables;
    private OrderService service;
    private final RetriedStates retried = new RetriedStates();
    private RetryExecutor watchedRetry;

    @BeforeEach
    void emptyTables(Database database) {
        this.database = database;
        tables = LessonTables.reset(database);
        service = new OrderService(RetryExecutor.withDefaults(database.sessionFactory()));
        watchedRetry = RetryExecutor.builder(database.sessionFactory()).listener(retried).build();
    }

    @Test
    void anInsertThatCheckedTheCustomerBeforeTheDeleteCommittedIsRetriedAndRefused() {
        Customer customer = service.addCustomer("Doomed");
        AtomicBoolean firstAttempt = new AtomicBoolean(true);
        Order late = new Order(UUID.randomUUID(), customer.id(), "late", 1);

        // OrderService.placeOrder's two statements; on the first attempt the customer is deleted
        // (on another connection, committed) between the check and the insert.
        assertThatThrownBy(() -> watchedRetry.useTransaction(session -> {
            Customer found = session.getMapper(CustomerMapper.class).findById(customer.id());
            if (firstAttempt.getAndSet(false)) {
                assertThat(found).as("the check passes: the delete has not happened yet").isNotNull();
                onAnotherThread(() -> service.deleteCustomer(customer.id()));
            }
            if (found == null) {
                throw new WorkshopException("No customer with id " + customer.id());
            }
            session.getMapper(OrderMapper.class).insert(late);
        })).isInstanceOf(WorkshopException.class);

        assertThat(retried.states).as("the first attempt failed with a serialization error").containsExactly("40001");
        assertThat(tables.order(late.id())).isNull();
        assertThat(tables.orphans()).isEmpty();
    }

    @Test
    void aDeleteThatMissedAnOrderPlacedMeanwhileIsRetriedAndTakesTheOrderWithIt() {
        Customer customer = service.addCustomer("Doomed");
        service.placeOrder(customer.id(), "early", 1);
        AtomicBoolean firstAttempt = new AtomicBoolean(true);

        // A delete that reads the orders first; on the first attempt an order is placed (on
        // another connection, committed) after it looked and before it deleted the customer.
        int ordersDeleted = watchedRetry.inTransaction(session -> {
            int deleted = session.getMapper(OrderMapper.class).deleteByCustomerId(customer.id());
            if (firstAttempt.getAndSet(false)) {
                onAnotherThread(() -> service.placeOrder(customer.id(), "late", 1));
            }
            session.getMapper(CustomerMapper.class).deleteById(customer.id());
            return deleted;
        });

        assertThat(retried.states).as("the first attempt failed with a serialization error").containsExactly("40001");
        assertThat(ordersDeleted).as("the retry saw the late order too").isEqualTo(2);
        assertThat(tables.orderCount()).isZero();
        assertThat(tables.orphans()).isEmpty();
    }

    @Test
    void noOrderOutlivesItsCustomerWhileDeletesRaceInserts() throws InterruptedException {
        int inserters = 4;
        int ordersEach = 25;
        int rounds = 0;
        int retries = 0;
        boolean refusedSome = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        // At least 5 rounds, and more until the delete has landed mid-race and 40001s were retried;
        // bounded in count and time.
        while (rounds < 5 || rounds < 20 && (retries == 0 || !refusedSome) && System.nanoTime() < deadline) {
            DeleteVersusInsertRace.Outcome race = DeleteVersusInsertRace.run(
                    database.sessionFactory(), inserters, ordersEach, Duration.ofSeconds(30));
            rounds++;
            retries += race.retries();
            refusedSome |= race.refused() > 0;

            assertThat(race.placed() + race.refused()).as("every attempt placed or refused").isEqualTo(inserters * ordersEach);
            assertThat(race.ordersDeleted()).as("every placed order went with its customer").isEqualTo(race.placed());
            assertThat(race.retriedStates()).as("only serialization failures are retried").isSubsetOf("40001");
            assertThat(tables.orphans()).as("orphans after round " + rounds).isEmpty();
            assertThat(tables.orderCount()).isZero();
        }
        System.out.printf("Delete-versus-insert race: %d rounds, %d transactions retried after 40001%n", rounds, retries);

        assertThat(refusedSome).as("in some round the delete landed while inserts were still coming").isTrue();
        if (!database.isCockroachDb()) {
            // PostgreSQL's SSI must abort one side whenever a delete overlaps an insert that has
            // checked the customer. CockroachDB may instead make the check wait for the delete.
            assertThat(retries).as("40001s retried in %d rounds", rounds).isPositive();
        }
    }

    /**
     * Runs another transaction to completion while this thread's transaction waits. It must be
     * another thread: the RetryExecutor refuses a transaction nested inside a callback.
     */
    private static void onAnotherThread(Runnable transaction) {
        CompletableFuture.runAsync(transaction).join();
    }

    /** Counts what the RetryExecutor retried, by SQLSTATE. */
    private static final class RetriedStates implements RetryListener {
        private final List<String> states = new CopyOnWriteArrayList<>();

        @Override
        public void retrying(int attempt, Duration delay, String sqlState, Throwable cause) {
            states.add(sqlState);
        }
    }
}
