package crdb.workshop.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.retry.RetryListener;
import crdb.workshop.common.testing.DatabaseTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tutorial's transfer, run as the lesson runs it (through the RetryExecutor). Bad transfers
 * end with one clear message, after one attempt, and leave both balances as they were.
 */
@DatabaseTest
class HelloWorldTransferTest {

    private final SqlSessionFactory sessions;
    private final AtomicInteger attempts = new AtomicInteger();
    private final RetryExecutor retry;
    private UUID first;
    private UUID second;
    private long accountsBefore;

    HelloWorldTransferTest(Database database) {
        this.sessions = database.sessionFactory();
        this.retry = RetryExecutor.builder(sessions).listener(new RetryListener() {
            @Override
            public void attemptStarted(int attempt) {
                attempts.incrementAndGet();
            }
        }).build();
    }

    @BeforeEach
    void openAccounts() {
        first = UUID.randomUUID();
        second = UUID.randomUUID();
        try (SqlSession session = sessions.openSession()) {
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            accounts.insertAll(List.of(new Account(first, 1000), new Account(second, 250)));
            session.commit();
        }
        accountsBefore = accounts();
    }

    private void transfer(UUID from, UUID to, long amount) {
        retry.useTransaction(session -> HelloWorldTransfer.transferFunds(session, from, to, amount));
    }

    private long balance(UUID id) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(AccountMapper.class).findById(id).balance();
        }
    }

    private long accounts() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(AccountMapper.class).count();
        }
    }

    private void assertBalancesUnchanged() {
        assertThat(balance(first)).isEqualTo(1000);
        assertThat(balance(second)).isEqualTo(250);
    }

    @Test
    void transferMovesMoneyAndKeepsTheTotal() {
        transfer(first, second, 100);

        assertThat(balance(first)).isEqualTo(900);
        assertThat(balance(second)).isEqualTo(350);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void theWholeBalanceCanBeTransferred() {
        transfer(second, first, 250);

        assertThat(balance(second)).isZero();
        assertThat(balance(first)).isEqualTo(1250);
    }

    @Test
    void aZeroOrNegativeAmountIsRefusedAfterOneAttempt() {
        assertThatThrownBy(() -> transfer(first, second, 0))
                .isInstanceOf(WorkshopException.class).hasMessage("Cannot transfer $0 from account " + first
                        + " to account " + second + ": pick a positive amount and two different accounts.");
        assertThatThrownBy(() -> transfer(first, second, -100))
                .isInstanceOf(WorkshopException.class).hasMessageStartingWith("Cannot transfer $-100 ");

        assertThat(attempts).hasValue(2);
        assertBalancesUnchanged();
    }

    @Test
    void theSameAccountTwiceIsRefused() {
        assertThatThrownBy(() -> transfer(first, first, 100))
                .isInstanceOf(WorkshopException.class)
                .hasMessage("Cannot transfer $100 from account " + first + " to account " + first
                        + ": pick a positive amount and two different accounts.");

        assertBalancesUnchanged();
    }

    @Test
    void anUnknownSourceIsRefusedAfterOneAttempt() {
        UUID nobody = UUID.randomUUID();

        assertThatThrownBy(() -> transfer(nobody, second, 100))
                .isInstanceOf(WorkshopException.class)
                .hasMessage("No account " + nobody + " to transfer from: check the id.");

        assertThat(attempts).hasValue(1);
        assertBalancesUnchanged();
        assertThat(accounts()).isEqualTo(accountsBefore);
    }

    @Test
    void anUnknownTargetIsRefusedAndTheDebitRolledBack() {
        // The seed's JDBC sample "transferred" between two new random ids and reported success.
        UUID nobody = UUID.randomUUID();

        assertThatThrownBy(() -> transfer(first, nobody, 100))
                .isInstanceOf(WorkshopException.class)
                .hasMessage("No account " + nobody + " to transfer to: check the id.");

        assertThat(attempts).hasValue(1);
        assertBalancesUnchanged(); // the $100 taken from the first account came back
        assertThat(accounts()).as("no account was created for the unknown id").isEqualTo(accountsBefore);
    }

    @Test
    void insufficientFundsAreRefusedAfterOneAttempt() {
        assertThatThrownBy(() -> transfer(second, first, 251))
                .isInstanceOf(WorkshopException.class)
                .hasMessage("Insufficient funds in account " + second + ": balance $250, transfer $251.");

        assertThat(attempts).hasValue(1);
        assertBalancesUnchanged();
    }
}
