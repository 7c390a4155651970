package crdb.workshop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.testing.DatabaseTest;
import java.util.UUID;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/** inReadOnlyTransaction: a READ ONLY transaction, at no extra cost, that the server keeps read-only. */
@DatabaseTest
class ReadOnlyTransactionTest {

    @Test
    void theTransactionIsReadOnlyAndTheNextOneIsNot(SqlSessionFactory sessions) {
        RetryExecutor retry = RetryExecutor.withDefaults(sessions);

        String readOnly = retry.inReadOnlyTransaction(session -> SessionFacts.show(session, "transaction_read_only"));
        String next = retry.inTransaction(session -> SessionFacts.show(session, "transaction_read_only"));

        assertThat(readOnly).isEqualTo("on");
        assertThat(next).isEqualTo("off");
    }

    @Test
    void theServerRefusesAWriteInsideIt(SqlSessionFactory sessions) {
        RetryExecutor retry = RetryExecutor.withDefaults(sessions);
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> retry.inReadOnlyTransaction(
                session -> session.getMapper(AccountMapper.class).insert(new Account(id, 1))))
                .satisfies(e -> assertThat(FailureClassifier.sqlState(e)).isEqualTo("25006"));
        Account written = retry.inReadOnlyTransaction(session -> session.getMapper(AccountMapper.class).findById(id));
        assertThat(written).isNull();
    }

    @Test
    void readsSeeWhatWasCommitted(SqlSessionFactory sessions) {
        UUID id = Accounts.open(sessions, 42);

        long balance = RetryExecutor.withDefaults(sessions)
                .inReadOnlyTransaction(session -> session.getMapper(AccountMapper.class).findById(id).balance());

        assertThat(balance).isEqualTo(42);
    }
}
