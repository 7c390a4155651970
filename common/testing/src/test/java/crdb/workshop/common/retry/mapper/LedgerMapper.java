package crdb.workshop.common.retry.mapper;

import java.util.UUID;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The reliability suite's ledger: one row per applied unit of work, so a test can count how many
 * times a unit was applied. The table comes from the test that uses it.
 */
public interface LedgerMapper {

    @Insert("INSERT INTO ledger (entry_id, account_id, amount) VALUES (#{entryId}, #{accountId}, #{amount})")
    int insert(@Param("entryId") UUID entryId, @Param("accountId") UUID accountId, @Param("amount") long amount);

    /** The idempotent form: a second run with the same entry id inserts nothing and returns 0. */
    @Insert("INSERT INTO ledger (entry_id, account_id, amount) VALUES (#{entryId}, #{accountId}, #{amount})"
            + " ON CONFLICT (entry_id) DO NOTHING")
    int insertIfAbsent(@Param("entryId") UUID entryId, @Param("accountId") UUID accountId,
            @Param("amount") long amount);

    @Select("SELECT count(*) FROM ledger")
    long count();
}
