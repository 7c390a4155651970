package crdb.workshop.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.springboot.retry.TransactionRetry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What the two classic mistakes do under HttpContentionTest's load, next to the service and the
 * annotation-way fix: a measurement for docs/06-spring-boot-2-mistakes.md, not part of the build,
 * because what a mistake breaks under load depends on timing. Run it with
 * {@code ./mvnw verify -pl lessons/06-spring-boot -am -Dtest=MistakesUnderLoadTest -Dworkshop.mistakesLoad=true}
 * (add {@code -Dworkshop.mistakesLoad.transfers=N} for N transfers per client instead of 250).
 */
@BankServiceTest
@EnabledIfSystemProperty(named = "workshop.mistakesLoad", matches = "true",
        disabledReason = "a measurement; run with -Dworkshop.mistakesLoad=true")
class MistakesUnderLoadTest {

    private static final int CLIENTS = 8;
    private static final int TRANSFERS_EACH = Integer.getInteger("workshop.mistakesLoad.transfers", 250);

    private final HttpBank bank;
    private final Books books;

    @Autowired
    MistakesUnderLoadTest(@LocalServerPort int port, TransactionRetry retry, AccountMapper accounts,
            NamedParameterJdbcTemplate jdbc) {
        this.bank = new HttpBank(port);
        this.books = new Books(retry, accounts, jdbc);
    }

    @Test
    void theServiceKeepsTheBooks() throws Exception {
        assertThat(measure("service (RetryTemplate around TransactionTemplate)", "/transfers")).isTrue();
    }

    @Test
    void theAnnotationWayKeepsTheBooks() throws Exception {
        assertThat(measure("@Retryable bean around @Transactional bean", "/mistakes/retryable/transfers")).isTrue();
    }

    @Test
    void retryInsideTheTransactionFailsRequests() throws Exception {
        List<UUID> hot = books.open(1000, 1000);
        HttpLoad.Result run = HttpLoad.run(bank, "/mistakes/retry-inside-transaction/transfers", hot, CLIENTS,
                TRANSFERS_EACH, 6);
        report("retry inside the transaction", run, hot);
        assertThat(run.count(500)).as("requests that failed").isPositive();
    }

    @Test
    void selfInvocationLosesMoney() throws Exception {
        assertThat(measure("self-invocation (no transaction)", "/mistakes/self-invocation/transfers")).isFalse();
    }

    /** Runs the load and reports it; true when the books balance afterwards. */
    private boolean measure(String what, String path) throws Exception {
        List<UUID> hot = books.open(1000, 1000);
        HttpLoad.Result run = HttpLoad.run(bank, path, hot, CLIENTS, TRANSFERS_EACH, 6);
        return report(what, run, hot);
    }

    private boolean report(String what, HttpLoad.Result run, List<UUID> hot) {
        Map<UUID, Long> balances = books.balances(hot);
        Map<UUID, Long> net = books.netFlows(hot);
        long total = balances.values().stream().mapToLong(Long::longValue).sum();
        long rows = books.transfersOf(hot);
        boolean balanced = total == 2000 && rows == run.count(201)
                && balances.get(hot.get(0)) == 1000 + net.get(hot.get(0))
                && balances.get(hot.get(1)) == 1000 + net.get(hot.get(1))
                && balances.values().stream().allMatch(b -> b >= 0);
        System.out.printf("%s: %s; %.1f transfers/s; p50 %.0f ms, p99 %.0f ms; total $%d of $2000;"
                + " %d transfer rows for %d answers 201; balances %s, by the transfers table %s; books %s%n",
                what, run.statuses(), run.perSecond(201), run.percentileMillis(50), run.percentileMillis(99), total,
                rows, run.count(201), List.of(balances.get(hot.get(0)), balances.get(hot.get(1))),
                List.of(1000 + net.get(hot.get(0)), 1000 + net.get(hot.get(1))),
                balanced ? "balance" : "DO NOT BALANCE");
        return balanced;
    }
}
