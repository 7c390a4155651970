package crdb.workshop.crud.exercise;

import crdb.workshop.common.mapper.Account;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;

/** Exercise 02: reports and a bulk deposit on the accounts, written with MyBatis Dynamic SQL. */
public interface AccountReports {

    /** The {@code limit} accounts with the highest balances, highest first; equal balances in id order. */
    List<Account> richest(SqlSession session, int limit);

    /** How many accounts hold at least {@code minimum}. */
    long countWithBalanceAtLeast(SqlSession session, long minimum);

    /**
     * Adds {@code amount} to every account in {@code ids} in one UPDATE; returns how many rows
     * changed. No ids: changes nothing and returns 0.
     */
    int deposit(SqlSession session, Collection<UUID> ids, long amount);
}
