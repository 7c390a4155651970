package crdb.workshop.common.mapper;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The accounts table. One-line statements carry their SQL in annotations; the rest is in
 * AccountMapper.xml beside this file's package path under src/main/resources.
 */
public interface AccountMapper {

    int insert(Account account);

    /** One multi-row INSERT for all of {@code accounts}. */
    int insertAll(@Param("accounts") Collection<Account> accounts);

    /** The account, or {@code null} when there is none with this id. */
    Account findById(@Param("id") UUID id);

    /** The accounts among {@code ids} that exist, ordered by id. */
    List<Account> findByIds(@Param("ids") Collection<UUID> ids);

    /** Every account, ordered by id. */
    List<Account> findAll();

    @Select("SELECT count(*) FROM accounts")
    long count();

    /** Sets the balance; returns the number of rows changed (0 when the account does not exist). */
    int updateBalance(@Param("id") UUID id, @Param("balance") long balance);

    /** Deletes the accounts among {@code ids}; returns how many were deleted. */
    int deleteByIds(@Param("ids") Collection<UUID> ids);
}
