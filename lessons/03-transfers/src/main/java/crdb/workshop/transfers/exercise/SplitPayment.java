package crdb.workshop.transfers.exercise;

import java.util.Map;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;

/**
 * Exercise 03, part C: one payer pays several payees in one transaction, the way
 * SelectForUpdateTransfer moves money between two accounts: every account locked first, in one
 * fixed order.
 */
public interface SplitPayment {

    /**
     * Inside the caller's transaction, takes the sum of {@code shares} from {@code payer} and
     * gives each payee its share. Refuses, with a {@link crdb.workshop.common.WorkshopException}
     * and before writing anything, an account that does not exist ("No account &lt;id&gt;: check
     * the id.") and a payer whose balance does not cover the sum ("Insufficient funds in account
     * &lt;id&gt;: balance $&lt;balance&gt;, payment $&lt;sum&gt;.").
     *
     * @param shares payee id to amount: at least one payee, not the payer, each amount above zero
     */
    void pay(SqlSession session, UUID payer, Map<UUID, Long> shares);
}
