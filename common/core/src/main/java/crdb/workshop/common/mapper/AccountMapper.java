package crdb.workshop.common.mapper;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.ResultMap;
import org.apache.ibatis.annotations.Select;

/**
 * The accounts table. One-line statements carry their SQL in annotations; the rest is in
 * AccountMapper.xml beside this file's package path under src/main/resources.
 *
 * <p>Every value is bound with {@code #{}}, so it travels to the server as a parameter and is
 * never read as SQL. Empty collections are fine everywhere: they match, change and insert
 * nothing (SQL has no empty {@code IN ()}; the XML says how that is handled).
 */
public interface AccountMapper {

    int insert(Account account);

    /**
     * One multi-row INSERT for all of {@code accounts}; 0 without a round trip when there are
     * none. Each row takes two bind parameters and a statement holds at most 65,535, so insert
     * more than a few thousand rows in chunks (lesson 04).
     */
    default int insertAll(Collection<Account> accounts) {
        // "INSERT ... VALUES" with no rows is a syntax error, so an empty list never reaches SQL.
        return accounts.isEmpty() ? 0 : insertRows(accounts);
    }

    /** The statement behind {@link #insertAll}; call that instead (this one fails on no rows). */
    int insertRows(@Param("accounts") Collection<Account> accounts);

    /** The account, or {@code null} when there is none with this id. */
    Account findById(@Param("id") UUID id);

    /** The accounts among {@code ids} that exist, ordered by id (none for an empty collection). */
    List<Account> findByIds(@Param("ids") Collection<UUID> ids);

    /** Every account, ordered by id. */
    List<Account> findAll();

    /**
     * The accounts whose id starts with {@code prefix} (any case), ordered by id: people quote
     * UUIDs by their first characters. It scans the table; fine for a lesson, not for millions.
     */
    @Select("SELECT id, balance FROM accounts"
            + " WHERE substr(CAST(id AS TEXT), 1, char_length(#{prefix})) = lower(#{prefix}) ORDER BY id")
    @ResultMap("account")
    List<Account> findByIdPrefix(@Param("prefix") String prefix);

    @Select("SELECT count(*) FROM accounts")
    long count();

    /** The sum of all balances (0 for no accounts): a transfer must leave it unchanged. */
    @Select("SELECT coalesce(sum(balance), 0) FROM accounts")
    long totalBalance();

    /** Sets the balance; returns the number of rows changed (0 when the account does not exist). */
    int updateBalance(@Param("id") UUID id, @Param("balance") long balance);

    /** Deletes the accounts among {@code ids}; returns how many were deleted (0 for an empty collection). */
    int deleteByIds(@Param("ids") Collection<UUID> ids);
}
