package crdb.workshop.transfers.mapper;

import crdb.workshop.common.mapper.Account;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.ResultMap;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * What a transfer needs beyond AccountMapper: a relative update, as the tutorial writes it, a
 * locking read, and the whole transfer as one statement (in TransferMapper.xml).
 */
public interface TransferMapper {

    /** Adds {@code delta} (negative: takes) to the balance; returns 0 when there is no such account. */
    // tag::add-to-balance[]
    @Update("UPDATE accounts SET balance = balance + #{delta} WHERE id = #{id}")
    int addToBalance(@Param("id") UUID id, @Param("delta") long delta);
    // end::add-to-balance[]

    /**
     * Reads the account and locks its row until the transaction ends: another transaction that
     * wants to lock or write it waits its turn. {@code null} when there is no such account.
     */
    // tag::lock-account[]
    @Select("SELECT id, balance FROM accounts WHERE id = #{id} FOR UPDATE")
    @ResultMap("crdb.workshop.common.mapper.AccountMapper.account")
    Account lockAccount(@Param("id") UUID id);
    // end::lock-account[]

    /**
     * The whole transfer in one statement: both rows change, or neither. Returns the rows
     * changed: 2 when the money moved; 0 when the source is missing or short; 1 when only the
     * target is missing, and then the caller must refuse, which rolls the debit back.
     */
    int moveMoney(@Param("from") UUID from, @Param("to") UUID to, @Param("amount") long amount);

    /**
     * Must be the transaction's first statement. Valid on both databases; only the PostgreSQL
     * path uses it (see SelectForUpdateTransfer).
     */
    @Update("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
    void readCommitted();
}
