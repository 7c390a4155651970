package crdb.workshop.crud;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.Exercise;
import crdb.workshop.common.testing.Exercises;
import crdb.workshop.common.testing.Todo;
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
 * Run against your code: ./mvnw -q -pl lessons/02-crud -am test-compile exec:java@exercises
 */
@Exercise
@DatabaseTest
class AccountReportsTest {

    // Ids chosen so that their order is plain to see: a < b < c < d < e < f. Three accounts hold
    // 500 and go in last id first, so only an explicit "then by id" lists them b, d, f.
    private static final Account A = account("0000000a-0000-4000-8000-000000000000", 300);
    private static final Account B = account("0000000b-0000-4000-8000-000000000000", 500);
    private static final Account C = account("0000000c-0000-4000-8000-000000000000", 100);
    private static final Account D = account("0000000d-0000-4000-8000-000000000000", 500);
    private static final Account E = account("0000000e-0000-4000-8000-000000000000", 0);
    private static final Account F = account("0000000f-0000-4000-8000-000000000000", 500);

    private final AccountReports reports = Exercises.pick(AccountReportsSolution::new, AccountReportsExercise::new);
    private final Database database;
    private final RetryExecutor retry;

    AccountReportsTest(Database database) {
        this.database = database;
        this.retry = RetryExecutor.withDefaults(database.sessionFactory());
    }

    @BeforeEach
    void sixAccounts() {
        BankState.clear(database);
        BankState.insert(database, List.of(F, D, C, E, A, B));
    }

    @Test
    @Todo(1)
    void richestListsTheHighestBalancesFirstAndEqualBalancesInIdOrder() {
        List<Account> richest = retry.inTransaction(session -> reports.richest(session, 3));

        assertThat(richest)
                .as("richest(3) of balances a=300 b=500 c=100 d=500 e=0 f=500: highest first (balance descending),"
                        + " the three 500s in id order (then by id), three rows (limit)")
                .containsExactly(B, D, F);
    }

    @Test
    @Todo(1)
    void richestReturnsEveryAccountWhenTheLimitIsLarger() {
        List<Account> richest = retry.inTransaction(session -> reports.richest(session, 10));

        assertThat(richest).as("richest(10) of six accounts: all six, highest balance first, equal balances in id order")
                .containsExactly(B, D, F, A, C, E);
    }

    @Test
    @Todo(2)
    void countWithBalanceAtLeastIncludesTheMinimumItself() {
        String balances = " (balances 300, 500, 100, 500, 0, 500)";
        assertThat(countWithBalanceAtLeast(500)).as("countWithBalanceAtLeast(500): at least, so 500 itself counts" + balances)
                .isEqualTo(3);
        assertThat(countWithBalanceAtLeast(300)).as("countWithBalanceAtLeast(300)" + balances).isEqualTo(4);
        assertThat(countWithBalanceAtLeast(0)).as("countWithBalanceAtLeast(0): every account" + balances).isEqualTo(6);
        assertThat(countWithBalanceAtLeast(501)).as("countWithBalanceAtLeast(501): none" + balances).isZero();
    }

    @Test
    @Todo(value = 3, optional = true)
    void depositAddsTheAmountToExactlyTheGivenAccounts() {
        int changed = retry.inTransaction(session -> reports.deposit(session, List.of(A.id(), E.id()), 25));

        assertThat(changed).as("deposit(25 into a and e): rows changed, as the UPDATE reports them").isEqualTo(2);
        assertThat(BankState.balances(database)).as("balances after deposit(25 into a and e): a and e get 25 more"
                + " (balance + amount, not = amount), the others keep theirs").isEqualTo(Map.of(
                A.id(), 325L, B.id(), 500L, C.id(), 100L, D.id(), 500L, E.id(), 25L, F.id(), 500L));
    }

    @Test
    @Todo(value = 3, optional = true)
    void depositToNoAccountsChangesNothing() {
        int changed = retry.inTransaction(session -> reports.deposit(session, List.of(), 25));

        assertThat(changed).as("deposit into no accounts: 0 rows, and no UPDATE sent (\"in ()\" is a syntax error)")
                .isZero();
        assertThat(BankState.total(database)).as("total of all balances, unchanged").isEqualTo(1900);
    }

    private long countWithBalanceAtLeast(long minimum) {
        return retry.inTransaction(session -> reports.countWithBalanceAtLeast(session, minimum));
    }

    private static Account account(String id, long balance) {
        return new Account(UUID.fromString(id), balance);
    }
}
