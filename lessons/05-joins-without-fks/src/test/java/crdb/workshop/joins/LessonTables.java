package crdb.workshop.joins;

import crdb.workshop.common.db.Database;
import crdb.workshop.joins.mapper.CustomerMapper;
import crdb.workshop.joins.mapper.Order;
import crdb.workshop.joins.mapper.OrderMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;

/** The lesson's tables for a test: created if missing, emptied, and read back outside any test transaction. */
final class LessonTables {

    private final Database database;

    private LessonTables(Database database) {
        this.database = database;
    }

    /** The tables as they are. */
    static LessonTables of(Database database) {
        return new LessonTables(database);
    }

    /**
     * Applies the lesson's schema and deletes every row, so each test starts from empty tables.
     * Only tests do this, in a database of their own; the lesson deletes only its own rows.
     */
    static LessonTables reset(Database database) {
        database.runScript("crdb/workshop/joins/schema.sql");
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM orders");
            statement.execute("DELETE FROM customers");
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new LessonTables(database);
    }

    List<Order> orphans() {
        try (SqlSession session = database.sessionFactory().openSession()) {
            return session.getMapper(OrderMapper.class).findOrphans();
        }
    }

    long orderCount() {
        try (SqlSession session = database.sessionFactory().openSession()) {
            return session.getMapper(OrderMapper.class).count();
        }
    }

    long customerCount() {
        try (SqlSession session = database.sessionFactory().openSession()) {
            return session.getMapper(CustomerMapper.class).count();
        }
    }

    Order order(UUID id) {
        try (SqlSession session = database.sessionFactory().openSession()) {
            return session.getMapper(OrderMapper.class).findById(id);
        }
    }

    /** Writes an order with no check at all, as a buggy code path (or a hand-typed INSERT) would. */
    void insertUnchecked(Order order) {
        try (SqlSession session = database.sessionFactory().openSession()) {
            session.getMapper(OrderMapper.class).insert(order);
            session.commit(true);
        }
    }

    /** Deletes the customer's row and nothing else, leaving their orders behind. */
    void deleteCustomerRowOnly(UUID customerId) {
        try (SqlSession session = database.sessionFactory().openSession()) {
            session.getMapper(CustomerMapper.class).deleteById(customerId);
            session.commit(true);
        }
    }
}
