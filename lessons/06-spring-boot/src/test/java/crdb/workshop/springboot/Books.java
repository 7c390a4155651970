package crdb.workshop.springboot;

import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.springboot.retry.TransactionRetry;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What the tests read and write directly in the database: their own accounts, and what the
 * transfers table says about them. Each call is one transaction, retried like the service's.
 */
final class Books {

    private final TransactionRetry retry;
    private final AccountMapper accounts;
    private final NamedParameterJdbcTemplate jdbc;

    Books(TransactionRetry retry, AccountMapper accounts, NamedParameterJdbcTemplate jdbc) {
        this.retry = retry;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** New accounts with these balances, in this order. */
    List<UUID> open(long... balances) {
        List<Account> opened = Arrays.stream(balances).mapToObj(b -> new Account(UUID.randomUUID(), b)).toList();
        retry.inTransaction(() -> accounts.insertAll(opened));
        return opened.stream().map(Account::id).toList();
    }

    long balance(UUID id) {
        return retry.inTransaction(() -> accounts.findById(id)).balance();
    }

    Map<UUID, Long> balances(List<UUID> ids) {
        Map<UUID, Long> balances = new HashMap<>();
        retry.inTransaction(() -> accounts.findByIds(ids)).forEach(a -> balances.put(a.id(), a.balance()));
        return balances; // filled after the transaction: a retried attempt cannot count twice
    }

    /** How many transfers into or out of {@code ids} the transfers table holds. */
    long transfersOf(List<UUID> ids) {
        return retry.inTransaction(() -> jdbc.queryForObject(
                "SELECT count(*) FROM transfers WHERE from_id IN (:ids) OR to_id IN (:ids)",
                new MapSqlParameterSource("ids", ids), Long.class));
    }

    /** For each of {@code ids}: money in minus money out, by the transfers table. */
    Map<UUID, Long> netFlows(List<UUID> ids) {
        return retry.inTransaction(() -> {
            Map<UUID, Long> net = new HashMap<>(); // new on every attempt
            ids.forEach(id -> net.put(id, 0L));
            jdbc.query("SELECT from_id, to_id, amount FROM transfers WHERE from_id IN (:ids) OR to_id IN (:ids)",
                    new MapSqlParameterSource("ids", ids), row -> {
                        net.merge(row.getObject("from_id", UUID.class), -row.getLong("amount"), Long::sum);
                        net.merge(row.getObject("to_id", UUID.class), row.getLong("amount"), Long::sum);
                    });
            return net;
        });
    }

    /** The server's default isolation level: "serializable", "read committed"... */
    String isolation() {
        return retry.inTransaction(() -> jdbc.getJdbcTemplate().queryForObject("SHOW transaction_isolation",
                String.class));
    }

    boolean recorded(UUID transferId) {
        return retry.inTransaction(() -> jdbc.queryForObject("SELECT count(*) FROM transfers WHERE id = :id",
                new MapSqlParameterSource("id", transferId), Long.class)) == 1;
    }
}
