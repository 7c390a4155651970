package crdb.workshop.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.testing.CommitFaults;
import crdb.workshop.common.testing.DatabaseTest;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hand-written loop does what it claims: retries 40001 with the work, a bounded number of times. */
@DatabaseTest
class ManualRetryLoopTest {

    private static CommitFaults faults;

    private final SqlSessionFactory sessions;
    private UUID first;
    private UUID second;

    ManualRetryLoopTest(Database database) {
        this.sessions = database.sessionFactory();
    }

    @BeforeAll
    static void installFaults(Database database) throws SQLException {
        faults = CommitFaults.install(database, "accounts");
    }

    @BeforeEach
    void openAccounts() throws SQLException {
        faults.failNextCommits("40001", 0); // so the setup's own commits go through
        first = UUID.randomUUID();
        second = UUID.randomUUID();
        try (SqlSession session = sessions.openSession()) {
            session.getMapper(AccountMapper.class).insertAll(List.of(new Account(first, 1000), new Account(second, 250)));
            session.commit();
        }
        faults.failNextCommits("40001", 0); // and the count starts at zero
    }

    private long balance(UUID id) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(AccountMapper.class).findById(id).balance();
        }
    }

    @Test
    void aSerializationFailureAtCommitRunsTheTransferAgain() throws Exception {
        faults.failNextCommits("40001", 2);

        ManualRetryLoop.run(sessions, session -> HelloWorldTransfer.transferFunds(session, first, second, 100));

        assertThat(faults.commitAttempts()).isEqualTo(3);
        assertThat(balance(first)).isEqualTo(900);
        assertThat(balance(second)).isEqualTo(350);
    }

    @Test
    void afterTheLastAttemptTheFailureIsThrown() throws Exception {
        faults.failNextCommits("40001", 100);

        assertThatThrownBy(() -> ManualRetryLoop.run(sessions,
                session -> HelloWorldTransfer.transferFunds(session, first, second, 100)))
                .isInstanceOf(PersistenceException.class)
                .satisfies(e -> assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("40001"));

        assertThat(faults.commitAttempts()).isEqualTo(ManualRetryLoop.MAX_ATTEMPTS);
        assertThat(balance(first)).isEqualTo(1000);
    }

    @Test
    void aRefusedTransferIsNotRetried() throws Exception {
        assertThatThrownBy(() -> ManualRetryLoop.run(sessions,
                session -> HelloWorldTransfer.transferFunds(session, second, first, 5000)))
                .isInstanceOf(WorkshopException.class);

        assertThat(faults.commitAttempts()).isZero();
        assertThat(balance(second)).isEqualTo(250);
    }
}
