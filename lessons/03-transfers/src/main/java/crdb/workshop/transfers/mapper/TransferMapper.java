package crdb.workshop.transfers.mapper;

import java.util.UUID;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** What a transfer needs beyond AccountMapper: a relative update, as the tutorial writes it. */
public interface TransferMapper {

    /** Adds {@code delta} (negative: takes) to the balance; returns 0 when there is no such account. */
    // tag::add-to-balance[]
    @Update("UPDATE accounts SET balance = balance + #{delta} WHERE id = #{id}")
    int addToBalance(@Param("id") UUID id, @Param("delta") long delta);
    // end::add-to-balance[]
}
