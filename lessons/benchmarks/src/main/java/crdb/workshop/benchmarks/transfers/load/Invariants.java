package crdb.workshop.benchmarks.transfers.load;

import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.transfers.mapper.TransferRecordMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * What must hold after any number of concurrent transfers, however they were retried: the money
 * is all there, no balance is negative, the transfers table holds exactly the committed
 * transfers, and every balance is its opening balance plus what that table says moved.
 */
public record Invariants(List<String> problems) {

    public boolean hold() {
        return problems.isEmpty();
    }

    // tag::check[]
    public static Invariants check(SqlSessionFactory sessions, Workload workload, Set<UUID> committed) {
        List<UUID> ids = workload.accounts();
        long opening = workload.shape().openingBalance();
        List<Account> accounts;
        Set<UUID> recorded;
        Map<UUID, Long> net = new HashMap<>();
        try (SqlSession session = sessions.openSession()) { // one transaction: one consistent picture
            accounts = session.getMapper(AccountMapper.class).findByIds(ids);
            TransferRecordMapper records = session.getMapper(TransferRecordMapper.class);
            recorded = new HashSet<>(records.idsFrom(ids));
            records.netFlows(ids).forEach(flow -> net.put(flow.accountId(), flow.net()));
        }
        List<String> problems = new ArrayList<>();
        long total = accounts.stream().mapToLong(Account::balance).sum();
        long negative = accounts.stream().filter(a -> a.balance() < 0).count();
        if (accounts.size() != ids.size()) {
            problems.add(ids.size() + " accounts were opened, " + accounts.size() + " are left");
        }
        if (total != opening * ids.size()) {
            problems.add("the balances add up to " + total + ", not " + opening * ids.size());
        }
        if (negative > 0) {
            problems.add(negative + " balances are negative");
        }
        if (!recorded.equals(committed)) {
            problems.add("the transfers table holds " + recorded.size() + " transfers; " + committed.size()
                    + " committed");
        }
        for (Account account : accounts) {
            long expected = opening + net.getOrDefault(account.id(), 0L);
            if (account.balance() != expected) {
                problems.add("account " + account.id() + " holds " + account.balance()
                        + "; its opening balance and recorded transfers say " + expected);
            }
        }
        return new Invariants(List.copyOf(problems));
    }
    // end::check[]
}
