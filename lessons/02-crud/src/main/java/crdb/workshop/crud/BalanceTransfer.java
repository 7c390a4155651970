package crdb.workshop.crud;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;

/**
 * Moves money between two accounts inside the caller's transaction. It refuses, before writing
 * anything, what would break the books: a missing account, the same account twice, a negative
 * amount, or more than the source holds. A refusal is a WorkshopException, so the executor
 * rolls back and the lesson runner prints the message as one line.
 */
final class BalanceTransfer {

    private BalanceTransfer() {
    }

    // tag::transfer-half[]
    /** The tutorial's transfer: half of the source's balance, rounded down. */
    static CompletedTransfer transferHalf(SqlSession session, UUID from, UUID to) {
        AccountMapper accounts = session.getMapper(AccountMapper.class);
        Account source = existing(accounts, from);
        return move(accounts, source, existing(accounts, to), source.balance() / 2);
    }
    // end::transfer-half[]

    /** Moves {@code amount} from one account to another. */
    static CompletedTransfer transfer(SqlSession session, UUID from, UUID to, long amount) {
        AccountMapper accounts = session.getMapper(AccountMapper.class);
        return move(accounts, existing(accounts, from), existing(accounts, to), amount);
    }

    // tag::move[]
    private static CompletedTransfer move(AccountMapper accounts, Account source, Account destination, long amount) {
        if (source.id().equals(destination.id())) {
            // Both updates would write the same row and the second would undo the first.
            throw new WorkshopException("Cannot transfer from account " + source.id() + " to itself:"
                    + " pick two different accounts.");
        }
        if (amount < 0) {
            throw new WorkshopException("Cannot transfer a negative amount (" + amount + "):"
                    + " swap the accounts instead.");
        }
        if (source.balance() < amount) {
            throw new WorkshopException("Insufficient funds: account " + source.id() + " has " + source.balance()
                    + ", less than the " + amount + " to transfer. Transfer at most " + source.balance() + ".");
        }
        accounts.updateBalance(source.id(), source.balance() - amount);
        accounts.updateBalance(destination.id(), Math.addExact(destination.balance(), amount));
        return new CompletedTransfer(source, destination, amount);
    }
    // end::move[]

    private static Account existing(AccountMapper accounts, UUID id) {
        Account account = accounts.findById(id);
        if (account == null) {
            throw new WorkshopException("No account with id " + id + ": it was never created or has been deleted."
                    + " Pick an id from SELECT id FROM accounts.");
        }
        return account;
    }
}
