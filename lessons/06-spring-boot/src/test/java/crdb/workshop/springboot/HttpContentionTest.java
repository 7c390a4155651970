package crdb.workshop.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.springboot.retry.TransactionRetry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * 8 clients send 250 transfers each over HTTP, all between the same two accounts: the worst
 * contention two rows can see. The books must balance afterwards, whatever the retries did. It
 * prints what it measured and asserts no time: speed is the benchmark's to judge.
 */
@BankServiceTest
class HttpContentionTest {

    private static final int CLIENTS = 8;
    private static final int TRANSFERS_EACH = 250;

    private final HttpBank bank;
    private final Books books;
    private final Database database;

    @Autowired
    HttpContentionTest(@LocalServerPort int port, TransactionRetry retry, AccountMapper accounts,
            NamedParameterJdbcTemplate jdbc, Database database) {
        this.bank = new HttpBank(port);
        this.books = new Books(retry, accounts, jdbc);
        this.database = database;
    }

    @Test
    void eightClientsOnTwoHotAccountsKeepTheBooksWithRealRetries() throws Exception {
        List<UUID> hot = books.open(1000, 1000);
        double retriesBefore = Metrics.count(bank, "bank.transaction.retries");
        double commitsBefore = Metrics.count(bank, "bank.transaction.commits");

        HttpLoad.Result run = HttpLoad.run(bank, "/transfers", hot, CLIENTS, TRANSFERS_EACH, 6);

        double retries = Metrics.count(bank, "bank.transaction.retries") - retriesBefore;
        double commits = Metrics.count(bank, "bank.transaction.commits") - commitsBefore;
        System.out.printf("HTTP load, %d clients x %d transfers on 2 accounts: %s; %.0f transfers/s;"
                + " %.2f retries per commit; p50 %.1f ms, p99 %.1f ms; %d re-sent after a 503%n",
                CLIENTS, TRANSFERS_EACH, run.statuses(), run.perSecond(201), retries / commits,
                run.percentileMillis(50), run.percentileMillis(99), run.resent());

        // Every answer is a transfer made (201) or refused for want of money (409): none failed.
        assertThat(run.statuses().keySet()).isSubsetOf(201, 409);
        assertThat(run.count(201)).isPositive();
        Map<UUID, Long> balances = books.balances(hot);
        assertThat(balances.values().stream().mapToLong(Long::longValue).sum()).as("total").isEqualTo(2000);
        assertThat(balances.values()).as("balances").allSatisfy(balance -> assertThat(balance).isNotNegative());
        // The transfers table agrees with the balances: one row per 201, and the flows explain them.
        assertThat(books.transfersOf(hot)).isEqualTo(run.count(201));
        Map<UUID, Long> net = books.netFlows(hot);
        assertThat(balances.get(hot.get(0))).isEqualTo(1000 + net.get(hot.get(0)));
        assertThat(balances.get(hot.get(1))).isEqualTo(1000 + net.get(hot.get(1)));
        if (!database.isCockroachDb()) {
            // On PostgreSQL a transfer locks both accounts in id order at READ COMMITTED: it waits
            // for the lock, then carries on; nothing aborts it, so nothing is retried.
            assertThat(retries).as("retries of transfers that lock in id order").isZero();
        }
    }
}
