package crdb.workshop.common.echo;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.DatabaseTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Transactions on other threads, running at the same time: each line names its thread, and each
 * transaction's lines come out together, not interleaved with the other's.
 */
@DatabaseTest
@Timeout(60)
class ConcurrentEchoTest {

    private final RetryExecutor retry;

    ConcurrentEchoTest(Database database) {
        this.retry = RetryExecutor.withDefaults(database.sessionFactory());
    }

    @Test
    void eachThreadsTransactionPrintsAsOneBlockUnderItsName() throws Exception {
        // Both threads are inside their transactions, between two statements, at the same moment.
        CyclicBarrier bothMidway = new CyclicBarrier(2);
        List<Thread> threads = new ArrayList<>();
        List<String> echoed;
        try (EchoCapture echo = EchoCapture.start()) {
            for (String name : List.of("writer-a", "writer-b")) {
                Thread thread = new Thread(() -> retry.useTransaction(session -> {
                    AccountMapper accounts = session.getMapper(AccountMapper.class);
                    accounts.insert(new Account(UUID.randomUUID(), 1));
                    try {
                        bothMidway.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    accounts.insert(new Account(UUID.randomUUID(), 2));
                }), name);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            echo.close();
            echoed = echo.lines();
        }

        assertThat(echoed).hasSize(16);
        List<String> names = new ArrayList<>();
        for (List<String> block : List.of(echoed.subList(0, 8), echoed.subList(8, 16))) {
            String name = block.get(0).substring("SQL [".length(), block.get(0).indexOf(']'));
            names.add(name);
            assertThat(block).allMatch(line -> line.startsWith("SQL [" + name + "] "));
            assertThat(block.get(0)).startsWith("SQL [" + name + "] BEGIN (");
            assertThat(block.get(7)).isEqualTo("SQL [" + name + "] COMMIT");
        }
        assertThat(names).containsExactlyInAnyOrder("writer-a", "writer-b");
    }

    @Test
    void theThreadThatTurnedEchoOnPrintsWithoutAName() {
        List<String> echoed;
        try (EchoCapture echo = EchoCapture.start()) {
            retry.inTransaction(session -> session.getMapper(AccountMapper.class).count());
            echoed = echo.lines();
        }

        assertThat(echoed).isNotEmpty().allMatch(line -> line.startsWith("SQL ") && !line.startsWith("SQL ["));
    }
}
