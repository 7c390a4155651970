package crdb.workshop.crud;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.DatabaseTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole lesson on the real database: what it prints is what the table holds. */
@DatabaseTest
class CrudLessonTest {

    private final Database database;

    CrudLessonTest(Database database) {
        this.database = database;
    }

    @BeforeEach
    void startFromAnEmptyTable() {
        BankState.clear(database);
    }

    @Test
    void eachStepChangesTheCountAsTheTutorialSays() {
        RetryExecutor retry = RetryExecutor.withDefaults(database.sessionFactory());
        List<Account> accounts = NewAccounts.random(CrudLesson.NEW_ACCOUNTS, new Random(1));
        List<UUID> ids = accounts.stream().map(Account::id).toList();

        retry.useTransaction(session -> session.getMapper(AccountMapper.class).insertAll(accounts));
        assertThat(BankState.count(database)).isEqualTo(100);
        long total = BankState.total(database);

        retry.inTransaction(session -> BalanceTransfer.transferHalf(session, ids.get(0), ids.get(1)));
        assertThat(BankState.count(database)).isEqualTo(100);
        assertThat(BankState.total(database)).isEqualTo(total);

        retry.inTransaction(session -> AccountDeletion.deleteRandom(session, ids, CrudLesson.ACCOUNTS_TO_DELETE, 2));
        assertThat(BankState.count(database)).isEqualTo(95);
    }

    @Test
    void onAnEmptyTableTheLessonEndsWithNinetyFiveAccounts() {
        LessonOutput output = LessonOutput.crud(database, new Random(3));

        assertThat(output.lines()).first().isEqualTo("Creating new accounts...");
        assertThat(output.created()).hasSize(100);
        assertThat(output.deleted()).hasSize(5).doesNotHaveDuplicates();
        assertThat(output.lines()).last().isEqualTo("Accounts in the table: 95");
        assertThat(BankState.count(database)).isEqualTo(95);
    }

    @Test
    void theTableHoldsExactlyWhatTheLessonPrinted() {
        LessonOutput output = LessonOutput.crud(database, new Random(4));

        Map<UUID, Long> expected = new HashMap<>(output.created());
        CompletedTransfer transfer = output.transfer();
        assertThat(transfer.source().balance()).isEqualTo(expected.get(transfer.source().id()));
        assertThat(transfer.destination().balance()).isEqualTo(expected.get(transfer.destination().id()));
        assertThat(transfer.source().id()).isNotEqualTo(transfer.destination().id());
        assertThat(transfer.amount()).isEqualTo(transfer.source().balance() / 2);
        assertThat(output.newBalances()).containsExactly(
                new Account(transfer.source().id(), transfer.sourceBalanceAfter()),
                new Account(transfer.destination().id(), transfer.destinationBalanceAfter()));
        expected.put(transfer.source().id(), transfer.sourceBalanceAfter());
        expected.put(transfer.destination().id(), transfer.destinationBalanceAfter());
        assertThat(expected.keySet()).containsAll(output.deleted());
        output.deleted().forEach(expected::remove);

        assertThat(BankState.balances(database)).isEqualTo(expected);
    }

    @Test
    void runAgainOnAFullTableItAddsNinetyFiveAndLeavesTheEarlierAccountsAlone() {
        LessonOutput.crud(database, new Random(5));
        Map<UUID, Long> afterFirstRun = BankState.balances(database);

        LessonOutput second = LessonOutput.crud(database, new Random(5));

        Map<UUID, Long> afterSecondRun = BankState.balances(database);
        assertThat(afterSecondRun).hasSize(afterFirstRun.size() + 95).containsAllEntriesOf(afterFirstRun);
        assertThat(second.finalCount()).isEqualTo(afterSecondRun.size()).isEqualTo(190);
        assertThat(afterFirstRun.keySet()).doesNotContainAnyElementsOf(second.created().keySet());
    }

    @Test
    void theSameSeedDrawsTheSameBalancesAndMakesTheSameChoices() {
        LessonOutput first = LessonOutput.crud(database, new Random(6));
        BankState.clear(database);
        LessonOutput second = LessonOutput.crud(database, new Random(6));

        // The ids come from UUID.randomUUID, so they differ; everything else repeats.
        assertThat(second.created().keySet()).doesNotContainAnyElementsOf(first.created().keySet());
        assertThat(second.withoutIds()).isEqualTo(first.withoutIds());
        assertThat(positions(second.created(), second.deleted()))
                .isEqualTo(positions(first.created(), first.deleted()));
    }

    @Test
    void injectionShapedIdPrefixesFindNothingAndLeaveEveryAccountInPlace() {
        LessonOutput output = LessonOutput.crud(database, new Random(7));
        UUID survivor = output.created().keySet().stream()
                .filter(id -> !output.deleted().contains(id)).findFirst().orElseThrow();

        try (SqlSession session = database.sessionFactory().openSession()) {
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            assertThat(accounts.findByIdPrefix(survivor.toString().substring(0, 13)))
                    .extracting(Account::id).contains(survivor);
            for (String payload : List.of("' OR '1'='1", "'; DELETE FROM accounts; --", "%")) {
                assertThat(accounts.findByIdPrefix(payload)).as(payload).isEmpty();
                assertThat(accounts.findByIdPrefix(survivor + payload)).as("id followed by " + payload).isEmpty();
            }
        }
        assertThat(BankState.count(database)).isEqualTo(95);
    }

    /** Where each deleted account stood in the creation order. */
    private static List<Integer> positions(Map<UUID, Long> created, List<UUID> deleted) {
        List<UUID> order = List.copyOf(created.keySet());
        return deleted.stream().map(order::indexOf).sorted().toList();
    }
}
