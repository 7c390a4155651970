package crdb.workshop.crud;

import crdb.workshop.common.mapper.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** New accounts as the tutorial makes them: random version-4 ids, random balances below 1,000,000. */
final class NewAccounts {

    static final int BALANCE_BOUND = 1_000_000;

    private NewAccounts() {
    }

    /**
     * Made before the transaction, not inside it: a retried callback would otherwise draw new
     * balances on every attempt. The ids come from UUID.randomUUID (a secure source, as Python's
     * uuid4); {@code random} picks only the balances.
     */
    static List<Account> random(int count, Random random) {
        List<Account> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            accounts.add(new Account(UUID.randomUUID(), random.nextInt(BALANCE_BOUND)));
        }
        return List.copyOf(accounts);
    }
}
