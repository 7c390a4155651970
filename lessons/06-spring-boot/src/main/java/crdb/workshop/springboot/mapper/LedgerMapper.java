package crdb.workshop.springboot.mapper;

import crdb.workshop.common.mapper.Account;
import crdb.workshop.springboot.transfer.TransferRequest;
import java.util.UUID;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
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
     * The first statement of a transfer on PostgreSQL (see Ledger): this transaction only runs at
     * READ COMMITTED, without a round trip to set it back afterwards.
     */
    @Update("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
    void readCommitted();

    /**
     * The account, locked until this transaction ends: another transaction that locks it waits
     * here, and then reads the balance as this one left it. {@code null} when there is none.
     */
    @Select("SELECT id, balance FROM accounts WHERE id = #{id} FOR UPDATE")
    @ConstructorArgs({
        @Arg(column = "id", javaType = UUID.class),
        @Arg(column = "balance", javaType = long.class)})
    Account lockAccount(@Param("id") UUID id);

    /**
     * Takes {@code amount} from the account if it holds that much; returns 0 (and changes
     * nothing) when it does not, or does not exist. The transfer has locked the account and
     * checked already; the condition keeps the statement safe on its own too.
     */
    @Update("UPDATE accounts SET balance = balance - #{amount} WHERE id = #{id} AND balance >= #{amount}")
    int debit(@Param("id") UUID id, @Param("amount") long amount);

    /** Deletes the transfers into or out of either account; returns how many. */
    @Delete("DELETE FROM transfers WHERE from_id IN (#{first}, #{second}) OR to_id IN (#{first}, #{second})")
    int deleteTransfersOf(@Param("first") UUID first, @Param("second") UUID second);

    /** Adds {@code amount}; returns 0 when there is no such account. */
    @Update("UPDATE accounts SET balance = balance + #{amount} WHERE id = #{id}")
    int credit(@Param("id") UUID id, @Param("amount") long amount);
}
