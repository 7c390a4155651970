package crdb.workshop.transfers.solution;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.transfers.LockOrder;
import crdb.workshop.transfers.exercise.SplitPayment;
import crdb.workshop.transfers.mapper.TransferMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.ibatis.session.SqlSession;

/** The reference solution to exercise 03, part C. Try the exercise before you read it. */
public class SplitPaymentSolution implements SplitPayment {

    @Override
    public void pay(SqlSession session, UUID payer, Map<UUID, Long> shares) {
        TransferMapper accounts = session.getMapper(TransferMapper.class);
        List<UUID> inLockOrder = Stream.concat(Stream.of(payer), shares.keySet().stream())
                .sorted(LockOrder.BY_ID).toList();
        Map<UUID, Account> locked = new HashMap<>();
        for (UUID id : inLockOrder) {
            Account account = accounts.lockAccount(id);
            if (account == null) {
                throw new WorkshopException("No account " + id + ": check the id."); // nothing written yet
            }
            locked.put(id, account);
        }
        long sum = shares.values().stream().mapToLong(Long::longValue).sum();
        long balance = locked.get(payer).balance();
        if (balance < sum) {
            throw new WorkshopException("Insufficient funds in account " + payer + ": balance $" + balance
                    + ", payment $" + sum + ".");
        }
        accounts.addToBalance(payer, -sum); // every row is locked: nobody changes them until we commit
        shares.forEach(accounts::addToBalance);
    }
}
