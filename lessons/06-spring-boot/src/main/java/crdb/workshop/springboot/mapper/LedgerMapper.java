package crdb.workshop.springboot.mapper;

import crdb.workshop.springboot.transfer.TransferRequest;
import java.util.UUID;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * What a transfer writes: its row in lesson 03's transfers table, and the two balances. Spring
 * finds it through BankApplication's {@code @MapperScan} and makes it a bean; each call joins the
 * transaction that is open on the calling thread.
 */
public interface LedgerMapper {

    /** Records transfer {@code id}; returns 0, and writes nothing, when a row with that id exists. */
    // tag::insert-if-absent[]
    @Insert("INSERT INTO transfers (id, from_id, to_id, amount)"
            + " VALUES (#{id}, #{transfer.from}, #{transfer.to}, #{transfer.amount})"
            + " ON CONFLICT (id) DO NOTHING")
    int insertIfAbsent(@Param("id") UUID id, @Param("transfer") TransferRequest transfer);
    // end::insert-if-absent[]

    /** The transfer recorded under {@code id}, or {@code null}. */
    @Select("SELECT from_id, to_id, amount FROM transfers WHERE id = #{id}")
    @ConstructorArgs({
        @Arg(column = "from_id", javaType = UUID.class),
        @Arg(column = "to_id", javaType = UUID.class),
        @Arg(column = "amount", javaType = long.class)})
    TransferRequest findTransfer(@Param("id") UUID id);

    /**
     * Takes {@code amount} from the account if it holds that much; returns 0 (and changes
     * nothing) when it does not, or does not exist. The check and the write are one statement, so
     * no other transaction can spend the money in between, at READ COMMITTED too.
     */
    // tag::debit[]
    @Update("UPDATE accounts SET balance = balance - #{amount} WHERE id = #{id} AND balance >= #{amount}")
    int debit(@Param("id") UUID id, @Param("amount") long amount);
    // end::debit[]

    /** Deletes the transfers into or out of either account; returns how many. */
    @Delete("DELETE FROM transfers WHERE from_id IN (#{first}, #{second}) OR to_id IN (#{first}, #{second})")
    int deleteTransfersOf(@Param("first") UUID first, @Param("second") UUID second);

    /** Adds {@code amount}; returns 0 when there is no such account. */
    @Update("UPDATE accounts SET balance = balance + #{amount} WHERE id = #{id}")
    int credit(@Param("id") UUID id, @Param("amount") long amount);
}
