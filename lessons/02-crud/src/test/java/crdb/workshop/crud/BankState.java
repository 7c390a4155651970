package crdb.workshop.crud;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;

/** What the accounts table holds, read and reset outside the code under test. */
final class BankState {

    private BankState() {
    }

    /** Every account, id to balance. */
    static Map<UUID, Long> balances(Database database) {
        Map<UUID, Long> balances = new LinkedHashMap<>();
        try (SqlSession session = database.sessionFactory().openSession()) {
            for (Account account : session.getMapper(AccountMapper.class).findAll()) {
                balances.put(account.id(), account.balance());
            }
        }
        return balances;
    }

    static long count(Database database) {
        try (SqlSession session = database.sessionFactory().openSession()) {
            return session.getMapper(AccountMapper.class).count();
        }
    }

    static long total(Database database) {
        try (SqlSession session = database.sessionFactory().openSession()) {
            return session.getMapper(AccountMapper.class).totalBalance();
        }
    }

    static void insert(Database database, Collection<Account> accounts) {
        try (SqlSession session = database.sessionFactory().openSession()) {
            session.getMapper(AccountMapper.class).insertAll(accounts);
            session.commit();
        }
    }

    static void clear(Database database) {
        try (SqlSession session = database.sessionFactory().openSession()) {
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            List<UUID> ids = accounts.findAll().stream().map(Account::id).toList();
            accounts.deleteByIds(ids);
            session.commit();
        }
    }
}
