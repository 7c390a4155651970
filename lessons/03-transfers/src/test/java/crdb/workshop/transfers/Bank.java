package crdb.workshop.transfers;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.RetryListener;
import crdb.workshop.transfers.load.Contender;
import crdb.workshop.transfers.load.RetrySettings;
import crdb.workshop.transfers.load.TransferClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.params.provider.Arguments;

/** The tests' view of the bank: a clean start, accounts, balances, and the transfers table, read directly. */
final class Bank {

    /** Quick retries, and many of them: a test waits little, and contention never exhausts them. */
    static final RetrySettings FAST_RETRIES = new RetrySettings(50, Duration.ofMillis(1), Duration.ofMillis(50));

    private final Database database;

    Bank(Database database) {
        this.database = database;
        database.runScript("crdb/workshop/transfers/schema.sql");
    }

    /** Every contender (strategy, through MyBatis or JDBC), as test arguments. */
    static Stream<Arguments> contenders() {
        return Stream.of(Contender.READ_MODIFY_WRITE, Contender.SELECT_FOR_UPDATE, Contender.SINGLE_STATEMENT)
                .flatMap(strategy -> Stream.of(Arguments.of(strategy, false), Arguments.of(strategy, true)));
    }

    Contender contender(String strategy, boolean jdbc) {
        return Contender.all(database, FAST_RETRIES).stream()
                .filter(c -> c.strategy().equals(strategy) && c.jdbc() == jdbc).findFirst().orElseThrow();
    }

    TransferClient client(String strategy, boolean jdbc, RetryListener listener) {
        return contender(strategy, jdbc).client().apply(listener);
    }

    void empty() throws SQLException {
        execute("DELETE FROM transfers");
        execute("DELETE FROM accounts");
    }

    UUID open(long balance) {
        UUID id = UUID.randomUUID();
        try (SqlSession session = database.sessionFactory().openSession()) {
            session.getMapper(AccountMapper.class).insert(new Account(id, balance));
            session.commit();
        }
        return id;
    }

    long balance(UUID id) {
        try (SqlSession session = database.sessionFactory().openSession()) {
            return session.getMapper(AccountMapper.class).findById(id).balance();
        }
    }

    List<Long> balances(UUID... ids) {
        return Stream.of(ids).map(this::balance).toList();
    }

    long accounts() throws SQLException {
        return count("SELECT count(*) FROM accounts");
    }

    long transferRows() throws SQLException {
        return count("SELECT count(*) FROM transfers");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            long n = rs.getLong(1);
            connection.commit();
            return n;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
            connection.commit();
        }
    }
}
