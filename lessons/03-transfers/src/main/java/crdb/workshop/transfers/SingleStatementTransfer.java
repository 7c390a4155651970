package crdb.workshop.transfers;

import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.transfers.mapper.TransferMapper;
import org.apache.ibatis.session.SqlSession;

/**
 * Strategy (c): one UPDATE moves the money and checks the balance (TransferMapper.xml). No
 * balance travels to Java and back, and the transaction holds its row locks for one statement
 * and the COMMIT. Only a refusal costs more: a read that finds out why, for the message.
 */
public final class SingleStatementTransfer implements TransferStrategy {

    // tag::transfer[]
    @Override
    public void transfer(SqlSession session, Transfer transfer) {
        TransferMapper transfers = session.getMapper(TransferMapper.class);
        int changed = transfers.moveMoney(transfer.from(), transfer.to(), transfer.amount());
        if (changed == 2) {
            return;
        }
        // Refused. Say why; throwing rolls back a debit made when only the target was missing.
        AccountMapper accounts = session.getMapper(AccountMapper.class);
        transfer.checkAgainst(accounts.findById(transfer.from()), accounts.findById(transfer.to()));
        throw new IllegalStateException("The transfer changed " + changed + " rows, but both accounts exist and "
                + transfer.from() + " covers $" + transfer.amount());
    }
    // end::transfer[]
}
