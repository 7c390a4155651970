package crdb.workshop.transfers;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.transfers.mapper.TransferMapper;
import org.apache.ibatis.session.SqlSession;

/**
 * The psycopg2 sample's {@code transfer_funds}: read the source balance, refuse an overdraft,
 * then subtract from one account and add to the other.
 *
 * <p>Unlike the seed's JDBC sample, which "transferred" between two freshly generated ids that
 * no account had, every account is checked: a missing one refuses the transfer.
 */
public final class HelloWorldTransfer implements TransferStrategy {

    // tag::transfer[]
    @Override
    public void transfer(SqlSession session, Transfer transfer) {
        Account source = session.getMapper(AccountMapper.class).findById(transfer.from());
        if (source == null) {
            throw new WorkshopException("No account " + transfer.from() + " to transfer from: check the id.");
        }
        if (source.balance() < transfer.amount()) {
            throw new WorkshopException("Insufficient funds in account " + transfer.from() + ": balance $"
                    + source.balance() + ", transfer $" + transfer.amount() + ".");
        }
        TransferMapper accounts = session.getMapper(TransferMapper.class);
        accounts.addToBalance(transfer.from(), -transfer.amount());
        if (accounts.addToBalance(transfer.to(), transfer.amount()) == 0) {
            // Throwing rolls back the debit above: no money leaves without arriving.
            throw new WorkshopException("No account " + transfer.to() + " to transfer to: check the id.");
        }
    }
    // end::transfer[]
}
