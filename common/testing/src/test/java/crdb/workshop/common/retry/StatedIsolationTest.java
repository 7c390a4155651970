package crdb.workshop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ReadCommittedDefault;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every executor transaction runs at the isolation it states, on a database whose own default is
 * READ COMMITTED: the server's default does not change what the unit of work guarantees.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatedIsolationTest {

    private ReadCommittedDefault readCommittedDefault;
    private Database readCommittedByDefault;
    private RetryExecutor retry;

    @BeforeAll
    void openOnAReadCommittedDefault(Database database) throws Exception {
        readCommittedDefault = ReadCommittedDefault.open(database);
        readCommittedByDefault = readCommittedDefault.database();
        retry = RetryExecutor.withDefaults(readCommittedByDefault.sessionFactory());
    }

    @AfterAll
    void close() throws Exception {
        if (readCommittedDefault != null) {
            readCommittedDefault.close();
        }
    }

    private static String isolation(SqlSession session) {
        return SessionFacts.show(session, "transaction_isolation");
    }

    @Test
    void aPlainConnectionGetsTheServersReadCommittedDefault() throws Exception {
        assertThat(ReadCommittedDefault.plainConnectionIsolation(readCommittedByDefault.settings()))
                .isEqualToIgnoringCase("read committed");
    }

    @Test
    void executorTransactionsRunSerializableByDefault() {
        assertThat(retry.inTransaction(StatedIsolationTest::isolation).toString()).isEqualToIgnoringCase("serializable");
        assertThat(retry.inReadOnlyTransaction(StatedIsolationTest::isolation).toString()).isEqualToIgnoringCase("serializable");
    }

    @Test
    void aUnitThatAsksForReadCommittedGetsIt() {
        RetryExecutor readCommitted = retry.withIsolation(Isolation.READ_COMMITTED);

        assertThat(readCommitted.inTransaction(StatedIsolationTest::isolation).toString()).isEqualToIgnoringCase("read committed");
        assertThat(readCommitted.isolation()).isEqualTo(Isolation.READ_COMMITTED);
        assertThat(retry.isolation()).isEqualTo(Isolation.SERIALIZABLE);
    }

    @Test
    void readCommittedLastsOneTransactionOnly() {
        RetryExecutor readCommitted = retry.withIsolation(Isolation.READ_COMMITTED);
        try (Database onePooledConnection = singleConnection()) {
            RetryExecutor serializable = RetryExecutor.withDefaults(onePooledConnection.sessionFactory());
            RetryExecutor relaxed = serializable.withIsolation(Isolation.READ_COMMITTED);

            assertThat(relaxed.inTransaction(StatedIsolationTest::isolation).toString()).isEqualToIgnoringCase("read committed");
            // The same physical connection (a pool of one) is SERIALIZABLE again for the next unit.
            assertThat(serializable.inTransaction(StatedIsolationTest::isolation).toString()).isEqualToIgnoringCase("serializable");
        }
        assertThat(readCommitted.inTransaction(StatedIsolationTest::isolation).toString()).isEqualToIgnoringCase("read committed");
    }

    private Database singleConnection() {
        String before = System.getProperty("workshop.poolSize");
        System.setProperty("workshop.poolSize", "1");
        try {
            return Database.open(readCommittedByDefault.settings());
        } finally {
            if (before == null) {
                System.clearProperty("workshop.poolSize");
            } else {
                System.setProperty("workshop.poolSize", before);
            }
        }
    }
}
