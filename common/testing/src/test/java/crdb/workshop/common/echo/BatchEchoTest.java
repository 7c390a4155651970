package crdb.workshop.common.echo;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.session.ExecutorType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A thousand rows echo as a few lines: the statement once, the first rows, and a count. */
@DatabaseTest
class BatchEchoTest {

    private final Database database;

    BatchEchoTest(Database database) {
        this.database = database;
    }

    @BeforeEach
    void emptyAccounts() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM accounts");
            connection.commit();
        }
    }

    @Test
    void aJdbcBatchOfAThousandRowsShowsTheStatementOnceThreeRowsAndTheCount() {
        RetryExecutor batch = RetryExecutor.builder(database.sessionFactory()).executorType(ExecutorType.BATCH).build();
        List<Account> accounts = accounts(1000);

        List<String> echoed;
        try (EchoCapture echo = EchoCapture.start()) {
            batch.useTransaction(session -> accounts.forEach(session.getMapper(AccountMapper.class)::insert));
            echoed = echo.lines();
        }

        assertThat(echoed).hasSize(8);
        assertThat(echoed.get(1)).isEqualTo("SQL ==>  Preparing: INSERT INTO accounts (id, balance) VALUES (?, ?)");
        assertThat(echoed.subList(2, 5)).containsExactly(
                "SQL ==> Parameters: " + accounts.get(0).id() + "(UUID), 0(Long)",
                "SQL ==> Parameters: " + accounts.get(1).id() + "(UUID), 1(Long)",
                "SQL ==> Parameters: " + accounts.get(2).id() + "(UUID), 2(Long)");
        assertThat(echoed.subList(5, 8)).containsExactly(
                "SQL ==> ... 997 more rows of parameters, not shown",
                "SQL <==      Batch: 1,000 rows sent together",
                "SQL COMMIT");
        assertThat(count()).isEqualTo(1000);
    }

    @Test
    void aThousandRowInsertFitsTheWidthAndSaysHowManyRowsAndValues() {
        RetryExecutor retry = RetryExecutor.withDefaults(database.sessionFactory());
        List<Account> accounts = accounts(1000);

        List<String> echoed;
        try (EchoCapture echo = EchoCapture.start()) {
            retry.useTransaction(session -> session.getMapper(AccountMapper.class).insertAll(accounts));
            echoed = echo.lines();
        }

        assertThat(echoed).hasSize(5).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(EchoLine.WIDTH));
        assertThat(echoed.get(1)).isEqualTo("SQL ==>  Preparing: INSERT INTO accounts (id, balance) VALUES (?, ?) ,"
                + " (?, ?) , ... (1,000 rows)");
        assertThat(echoed.get(2)).startsWith("SQL ==> Parameters: " + accounts.get(0).id() + "(UUID), 0(Long), ")
                .endsWith(", ... (2,000 values in all)");
        assertThat(echoed.get(3)).isEqualTo("SQL <==    Updates: 1000");
        assertThat(count()).isEqualTo(1000);
    }

    @Test
    void aLongInListIsShownAsItsFirstPlaceholdersAndTheirCount() {
        RetryExecutor retry = RetryExecutor.withDefaults(database.sessionFactory());
        List<UUID> ids = accounts(300).stream().map(Account::id).toList();

        List<String> echoed;
        try (EchoCapture echo = EchoCapture.start()) {
            retry.inTransaction(session -> session.getMapper(AccountMapper.class).findByIds(ids));
            echoed = echo.lines();
        }

        assertThat(echoed.get(1)).isEqualTo(
                "SQL ==>  Preparing: SELECT id, balance FROM accounts WHERE id IN ( ? , ? , ... (300 values) ) ORDER BY id");
        assertThat(echoed).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(EchoLine.WIDTH));
    }

    private static List<Account> accounts(int n) {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            accounts.add(new Account(UUID.randomUUID(), i));
        }
        return accounts;
    }

    private long count() {
        try (var session = database.sessionFactory().openSession()) {
            return session.getMapper(AccountMapper.class).count();
        }
    }
}
