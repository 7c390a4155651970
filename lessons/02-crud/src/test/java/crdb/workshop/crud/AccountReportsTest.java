package crdb.workshop.crud;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.Exercise;
import crdb.workshop.common.testing.Exercises;
import crdb.workshop.crud.exercise.AccountReports;
import crdb.workshop.crud.exercise.AccountReportsExercise;
import crdb.workshop.crud.solution.AccountReportsSolution;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exercise 02: TODO-01 to TODO-03 in {@link AccountReportsExercise}. Write three statements with
 * MyBatis Dynamic SQL: the richest accounts (TODO-01), a count from a minimum balance up
 * (TODO-02), and (Optional) one UPDATE that deposits into many accounts (TODO-03).
 * Run against your code: ./mvnw test -pl lessons/02-crud -am -Dexercises=learner
 */
@Exercise
@DatabaseTest
class AccountReportsTest {

    // Ids chosen so that their order is plain to see: a < b < c < d < e.
    private static final Account A = account("0000000a-0000-4000-8000-000000000000", 300);
    private static final Account B = account("0000000b-0000-4000-8000-000000000000", 500);
    private static final Account C = account("0000000c-0000-4000-8000-000000000000", 100);
    private static final Account D = account("0000000d-0000-4000-8000-000000000000", 500);
    private static final Account E = account("0000000e-0000-4000-8000-000000000000", 0);

    private final AccountReports reports = Exercises.pick(AccountReportsSolution::new, AccountReportsExercise::new);
    private final Database database;
    private final RetryExecutor retry;

    AccountReportsTest(Database database) {
        this.database = database;
        this.retry = RetryExecutor.withDefaults(database.sessionFactory());
    }

    @BeforeEach
    void fiveAccounts() {
        BankState.clear(database);
        BankState.insert(database, List.of(C, E, A, D, B));
    }

    @Test
    void richestListsTheHighestBalancesFirstAndEqualBalancesInIdOrder() {
        List<Account> richest = retry.inTransaction(session -> reports.richest(session, 3));

        assertThat(richest).containsExactly(B, D, A);
    }

    @Test
    void richestReturnsEveryAccountWhenTheLimitIsLarger() {
        List<Account> richest = retry.inTransaction(session -> reports.richest(session, 10));

        assertThat(richest).containsExactly(B, D, A, C, E);
    }

    @Test
    void countWithBalanceAtLeastIncludesTheMinimumItself() {
        assertThat(countWithBalanceAtLeast(300)).isEqualTo(3);
        assertThat(countWithBalanceAtLeast(0)).isEqualTo(5);
        assertThat(countWithBalanceAtLeast(501)).isZero();
    }

    @Test
    void depositAddsTheAmountToExactlyTheGivenAccounts() {
        int changed = retry.inTransaction(session -> reports.deposit(session, List.of(A.id(), E.id()), 25));

        assertThat(changed).isEqualTo(2);
        assertThat(BankState.balances(database)).isEqualTo(Map.of(
                A.id(), 325L, B.id(), 500L, C.id(), 100L, D.id(), 500L, E.id(), 25L));
    }

    @Test
    void depositToNoAccountsChangesNothing() {
        int changed = retry.inTransaction(session -> reports.deposit(session, List.of(), 25));

        assertThat(changed).isZero();
        assertThat(BankState.total(database)).isEqualTo(1400);
    }

    private long countWithBalanceAtLeast(long minimum) {
        return retry.inTransaction(session -> reports.countWithBalanceAtLeast(session, minimum));
    }

    private static Account account(String id, long balance) {
        return new Account(UUID.fromString(id), balance);
    }
}
