package crdb.workshop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.testing.DatabaseTest;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/** A caller that has been interrupted sends nothing: the executor checks before the first attempt. */
@DatabaseTest
class InterruptBeforeFirstAttemptTest {

    @Test
    void anInterruptedCallerRunsNothingAndKeepsItsFlag(SqlSessionFactory sessions) {
        RetryExecutor retry = RetryExecutor.withDefaults(sessions);
        UUID id = Accounts.open(sessions, 100);
        AtomicInteger runs = new AtomicInteger();

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> retry.useTransaction(session -> {
                runs.incrementAndGet();
                session.getMapper(AccountMapper.class).updateBalance(id, 0);
            })).isInstanceOfSatisfying(RetryInterruptedException.class, e -> assertThat(e.attempts()).isZero());
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted(); // leave the test thread clean for the next test
        }

        assertThat(runs).hasValue(0);
        assertThat(Accounts.balance(sessions, id)).isEqualTo(100);
    }
}
