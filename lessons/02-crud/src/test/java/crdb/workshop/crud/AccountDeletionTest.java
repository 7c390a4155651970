package crdb.workshop.crud;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.DatabaseTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delete step on the real database: exactly the chosen accounts go, and only candidates are chosen. */
@DatabaseTest
class AccountDeletionTest {

    private final Database database;
    private final RetryExecutor retry;
    private final List<Account> accounts = NewAccounts.random(15, new Random(11));
    private final List<UUID> ids = accounts.stream().map(Account::id).toList();

    AccountDeletionTest(Database database) {
        this.database = database;
        this.retry = RetryExecutor.withDefaults(database.sessionFactory());
    }

    @BeforeEach
    void fifteenAccounts() {
        BankState.clear(database);
        BankState.insert(database, accounts);
    }

    @Test
    void deletesExactlyTheAccountsItReturnsAndOnlyAmongTheCandidates() {
        List<UUID> candidates = ids.subList(0, 10);
        Map<UUID, Long> before = BankState.balances(database);

        List<UUID> deleted = retry.inTransaction(session -> AccountDeletion.deleteRandom(session, candidates, 5, 42));

        assertThat(deleted).hasSize(5).doesNotHaveDuplicates();
        assertThat(candidates).containsAll(deleted);
        Map<UUID, Long> expected = new HashMap<>(before);
        deleted.forEach(expected::remove);
        assertThat(BankState.balances(database)).isEqualTo(expected);
    }

    @Test
    void candidatesThatNoLongerExistAreNeverChosen() {
        List<UUID> candidates = new ArrayList<>(ids.subList(0, 3));
        candidates.add(UUID.randomUUID());
        candidates.add(UUID.randomUUID());

        List<UUID> deleted = retry.inTransaction(session -> AccountDeletion.deleteRandom(session, candidates, 5, 42));

        assertThat(deleted).containsExactlyInAnyOrderElementsOf(ids.subList(0, 3));
        assertThat(BankState.count(database)).isEqualTo(12);
    }

    @Test
    void theSameSeedAndRowsMakeTheSameChoiceOnEveryAttempt() {
        List<UUID> firstAttempt;
        try (SqlSession session = database.sessionFactory().openSession()) {
            firstAttempt = AccountDeletion.deleteRandom(session, ids, 5, 99);
            session.rollback(); // as a failed attempt would
        }
        assertThat(BankState.count(database)).isEqualTo(15);

        List<UUID> secondAttempt = retry.inTransaction(session -> AccountDeletion.deleteRandom(session, ids, 5, 99));

        assertThat(secondAttempt).isEqualTo(firstAttempt);
        assertThat(BankState.balances(database)).doesNotContainKeys(secondAttempt.toArray(UUID[]::new)).hasSize(10);
    }

    @Test
    void noCandidatesDeleteNothing() {
        List<UUID> deleted = retry.inTransaction(session -> AccountDeletion.deleteRandom(session, List.of(), 5, 1));

        assertThat(deleted).isEmpty();
        assertThat(BankState.count(database)).isEqualTo(15);
    }
}
