package crdb.workshop.transfers;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.retry.RetryListener;
import crdb.workshop.common.testing.Sql;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** The tests' view of the bank: a clean start, accounts, balances, and the transfers table, read directly. */
final class Bank {

    static final String READ_MODIFY_WRITE = "read-modify-write";
    static final String SELECT_FOR_UPDATE = "SELECT FOR UPDATE";
    static final String SINGLE_STATEMENT = "single statement";

    private static final Map<String, TransferStrategy> STRATEGIES = Map.of(
            READ_MODIFY_WRITE, new ReadModifyWriteTransfer(),
            SELECT_FOR_UPDATE, new SelectForUpdateTransfer(),
            SINGLE_STATEMENT, new SingleStatementTransfer());

    /** Quick retries, and many of them: a test waits little, and contention never exhausts them. */
    static RetryExecutor fastRetries(SqlSessionFactory sessions, RetryListener listener) {
        return RetryExecutor.builder(sessions).maxAttempts(50).initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(50)).listener(listener).build();
    }

    private final Database database;

    Bank(Database database) {
        this.database = database;
        database.runScript("crdb/workshop/transfers/schema.sql");
    }

    /** The three strategies' names, as test arguments. (Their JDBC twins are tested with the benchmarks.) */
    static Stream<String> strategies() {
        return Stream.of(READ_MODIFY_WRITE, SELECT_FOR_UPDATE, SINGLE_STATEMENT);
    }

    static TransferStrategy strategy(String name) {
        return STRATEGIES.get(name);
    }

    IdempotentTransfers client(String strategy, RetryListener listener) {
        return new IdempotentTransfers(fastRetries(database.sessionFactory(), listener), strategy(strategy));
    }

    void empty() throws SQLException {
        Sql.execute(database, "DELETE FROM transfers");
        Sql.execute(database, "DELETE FROM accounts");
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
        return Sql.count(database, "SELECT count(*) FROM accounts");
    }

    long transferRows() throws SQLException {
        return Sql.count(database, "SELECT count(*) FROM transfers");
    }
}
