package crdb.workshop.transfers;

import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.ibatis.session.SqlSession;

/**
 * Strategy (a), the SQLAlchemy tutorial's transfer: read both accounts, work out both new
 * balances in Java, write them back. Nothing stops another transaction from changing an account
 * between the read and the write, so under SERIALIZABLE one of two overlapping transfers is
 * aborted with 40001 and runs again.
 */
public final class ReadModifyWriteTransfer implements TransferStrategy {

    // tag::transfer[]
    @Override
    public void transfer(SqlSession session, Transfer transfer) {
        AccountMapper accounts = session.getMapper(AccountMapper.class);
        Account source = accounts.findById(transfer.from());
        Account target = accounts.findById(transfer.to());
        transfer.checkAgainst(source, target);
        Account debited = new Account(source.id(), source.balance() - transfer.amount());
        Account credited = new Account(target.id(), target.balance() + transfer.amount());
        // Written in id order: two transfers writing the same rows in opposite orders could deadlock.
        Stream.of(debited, credited).sorted(Comparator.comparing(Account::id, LockOrder.BY_ID))
                .forEach(account -> accounts.updateBalance(account.id(), account.balance()));
    }
    // end::transfer[]
}
