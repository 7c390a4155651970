package crdb.workshop.transfers;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.transfers.mapper.TransferMapper;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;

/**
 * The psycopg2 sample's {@code transfer_funds}: read the source balance, refuse an overdraft,
 * then subtract from one account and add to the other, inside the caller's transaction.
 *
 * <p>Unlike the seed's JDBC sample, which "transferred" between two freshly generated ids that
 * no account had, every account is checked: a missing one refuses the transfer.
 */
final class HelloWorldTransfer {

    private HelloWorldTransfer() {
    }

    // tag::transfer[]
    static void transferFunds(SqlSession session, UUID from, UUID to, long amount) {
        if (amount <= 0 || from.equals(to)) { // refused before any statement is sent
            throw new WorkshopException("Cannot transfer $" + amount + " from account " + from + " to account " + to
                    + ": pick a positive amount and two different accounts.");
        }
        Account source = session.getMapper(AccountMapper.class).findById(from);
        if (source == null) {
            throw new WorkshopException("No account " + from + " to transfer from: check the id.");
        }
        if (source.balance() < amount) {
            throw new WorkshopException("Insufficient funds in account " + from + ": balance $"
                    + source.balance() + ", transfer $" + amount + ".");
        }
        TransferMapper accounts = session.getMapper(TransferMapper.class);
        accounts.addToBalance(from, -amount);
        if (accounts.addToBalance(to, amount) == 0) {
            // Throwing rolls back the debit above: no money leaves without arriving.
            throw new WorkshopException("No account " + to + " to transfer to: check the id.");
        }
    }
    // end::transfer[]
}
