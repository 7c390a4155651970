package crdb.workshop.transfers.exercise;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.transfers.LockOrder;
import crdb.workshop.transfers.mapper.TransferMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;

/**
 * Your turn: pay several accounts from one, with locks taken in a fixed order. Read
 * SelectForUpdateTransfer first; this is the same idea for more than two accounts.
 * Check your work: ./mvnw -q -pl lessons/03-transfers -am test-compile exec:java@exercises
 */
public class SplitPaymentExercise implements SplitPayment {

    @Override
    public void pay(SqlSession session, UUID payer, Map<UUID, Long> shares) {
        TransferMapper accounts = session.getMapper(TransferMapper.class);
        // TODO-08: Lock every account the payment touches, the payer and each payee, with
        //          accounts.lockAccount(id), one after the other in LockOrder.BY_ID order (sort
        //          the ids first). Two payments that share accounts then never wait for each
        //          other in a cycle, whoever pays whom.
        // TODO-09: Refuse before writing anything: an account that lockAccount did not find, and
        //          a payer whose balance does not cover the sum of the shares. Throw a
        //          WorkshopException with the messages in SplitPayment's Javadoc.
        // TODO-10: Move the money with accounts.addToBalance: the sum from the payer, each share
        //          to its payee.
    }
}
