package crdb.workshop.common.retry.mapper;

import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The contention test's log: one row per committed transfer, written in the transfer's own
 * transaction. Rows have their own key, so a transfer applied twice would show up twice.
 */
public interface TransferLogMapper {

    @Insert("INSERT INTO transfer_log (transfer_id, from_id, to_id, amount)"
            + " VALUES (#{transferId}, #{fromId}, #{toId}, #{amount})")
    int insert(@Param("transferId") UUID transferId, @Param("fromId") UUID fromId, @Param("toId") UUID toId,
            @Param("amount") long amount);

    @Select("SELECT transfer_id FROM transfer_log")
    List<UUID> transferIds();

    /** What the log says flowed into {@code id} (negative: out of it). */
    @Select("SELECT COALESCE(SUM(CASE WHEN to_id = #{id} THEN amount ELSE -amount END), 0)"
            + " FROM transfer_log WHERE from_id = #{id} OR to_id = #{id}")
    long netFlow(@Param("id") UUID id);
}
