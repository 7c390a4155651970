package crdb.workshop.crud;

import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;

/** The tutorial's third step, as a unit of work that is safe to run again. */
final class AccountDeletion {

    private AccountDeletion() {
    }

    // tag::delete-random[]
    /**
     * Deletes {@code count} accounts chosen at random among the {@code candidates} that still
     * exist (fewer if fewer exist) and returns their ids. It changes nothing outside the
     * database: the same seed and the same rows make the same choice on every attempt.
     */
    static List<UUID> deleteRandom(SqlSession session, List<UUID> candidates, int count, long seed) {
        AccountMapper accounts = session.getMapper(AccountMapper.class);
        Set<UUID> stillThere = accounts.findByIds(candidates).stream().map(Account::id).collect(Collectors.toSet());
        List<UUID> existing = new ArrayList<>(candidates.stream().filter(stillThere::contains).toList());
        Collections.shuffle(existing, new Random(seed));
        List<UUID> chosen = List.copyOf(existing.subList(0, Math.min(count, existing.size())));
        accounts.deleteByIds(chosen);
        return chosen;
    }
    // end::delete-random[]
}
