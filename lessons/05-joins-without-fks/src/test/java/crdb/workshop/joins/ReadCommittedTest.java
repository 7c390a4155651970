package crdb.workshop.joins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.joins.mapper.Customer;
import crdb.workshop.joins.mapper.CustomerMapper;
import crdb.workshop.joins.mapper.Order;
import crdb.workshop.joins.mapper.OrderMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Under READ COMMITTED the plain existence check is not enough: nothing fails the transaction that
 * acted on a stale read. What it takes instead: the insert reads the customer FOR SHARE, and the
 * delete locks the customer (by deleting it) BEFORE it deletes the orders. These tests force each
 * interleaving on PostgreSQL; the lock waits are observed through pg_stat_activity.
 */
@DatabaseTest
class ReadCommittedTest {

    private Database database;
    private LessonTables tables;
    private OrderService service;
    private Customer customer;
    private final ExecutorService otherThread = Executors.newSingleThreadExecutor();

    @BeforeEach
    void emptyTables(Database database) {
        assumeFalse(database.isCockroachDb(), "forces lock waits and watches them in pg_stat_activity, which is"
                + " PostgreSQL's; CockroachDB documents the same FOR SHARE behaviour under READ COMMITTED");
        this.database = database;
        tables = LessonTables.reset(database);
        service = new OrderService(RetryExecutor.withDefaults(database.sessionFactory()));
        customer = service.addCustomer("Doomed");
    }

    @AfterEach
    void stopOtherThread() {
        otherThread.shutdownNow();
    }

    @Test
    void aPlainCheckLetsAnOrphanThroughWhenTheCustomerIsDeletedBeforeTheInsert() {
        Order late = new Order(UUID.randomUUID(), customer.id(), "late", 1);
        try (SqlSession insert = readCommittedSession()) {
            assertThat(insert.getMapper(CustomerMapper.class).findById(customer.id())).isNotNull();
            service.deleteCustomer(customer.id()); // commits between the check and the insert
            insert.getMapper(OrderMapper.class).insert(late);
            insert.commit(true); // no 40001 under READ COMMITTED: nothing notices the stale check
        }
        assertThat(tables.orphans()).containsExactly(late);
    }

    @Test
    void forShareAloneLetsAnOrphanThroughWhenTheDeleteReadsTheOrdersFirst() throws SQLException {
        Order late = new Order(UUID.randomUUID(), customer.id(), "late", 1);
        try (SqlSession delete = readCommittedSession(); SqlSession insert = readCommittedSession()) {
            delete.getMapper(OrderMapper.class).deleteByCustomerId(customer.id()); // finds none yet
            assertThat(insert.getMapper(CustomerMapper.class).findByIdForShare(customer.id())).isNotNull();
            insert.getMapper(OrderMapper.class).insert(late);
            insert.commit(true);
            delete.getMapper(CustomerMapper.class).deleteById(customer.id());
            delete.commit(true);
        }
        assertThat(tables.orphans()).containsExactly(late);
    }

    @Test
    void forShareMakesTheDeleteWaitAndThenTakeTheNewOrderWithIt() throws Exception {
        Order late = new Order(UUID.randomUUID(), customer.id(), "late", 1);
        try (SqlSession insert = readCommittedSession()) {
            assertThat(insert.getMapper(CustomerMapper.class).findByIdForShare(customer.id())).isNotNull();
            Future<Integer> delete = otherThread.submit(() -> deleteCustomerThenOrders(customer.id()));
            awaitOneSessionWaitingForALock();
            insert.getMapper(OrderMapper.class).insert(late);
            insert.commit(true); // releases the share lock; the delete goes on and sees the order
            assertThat(delete.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(tables.orphans()).isEmpty();
        assertThat(tables.orderCount()).isZero();
    }

    @Test
    void forShareWaitsForTheDeleteAndThenFindsNoCustomer() throws Exception {
        try (SqlSession delete = readCommittedSession()) {
            delete.getMapper(CustomerMapper.class).deleteById(customer.id());
            Future<Customer> check = otherThread.submit(() -> {
                try (SqlSession insert = readCommittedSession()) {
                    return insert.getMapper(CustomerMapper.class).findByIdForShare(customer.id());
                }
            });
            awaitOneSessionWaitingForALock();
            delete.getMapper(OrderMapper.class).deleteByCustomerId(customer.id());
            delete.commit(true);
            assertThat(check.get(10, TimeUnit.SECONDS)).as("the check, once the delete committed").isNull();
        }
        assertThat(tables.customerCount()).isZero();
    }

    /** OrderService.deleteCustomer's statements, in a READ COMMITTED transaction. */
    private int deleteCustomerThenOrders(UUID customerId) {
        try (SqlSession delete = readCommittedSession()) {
            delete.getMapper(CustomerMapper.class).deleteById(customerId);
            int orders = delete.getMapper(OrderMapper.class).deleteByCustomerId(customerId);
            delete.commit(true);
            return orders;
        }
    }

    /** A session whose transaction runs READ COMMITTED (the pool's default is SERIALIZABLE). */
    private SqlSession readCommittedSession() {
        SqlSession session = database.sessionFactory().openSession();
        try (Statement statement = session.getConnection().createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
        } catch (SQLException e) {
            session.close();
            throw new IllegalStateException(e);
        }
        return session;
    }

    /** Waits (at most 10 s) until a session of this database is blocked on a lock. */
    private void awaitOneSessionWaitingForALock() throws SQLException, InterruptedException {
        String sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("no session started waiting for a lock within 10 s");
    }
}
