package crdb.workshop.crud.querybuilder;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.crud.mapper.DynamicAccountMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.dynamic.sql.select.render.SelectStatementProvider;
import org.mybatis.dynamic.sql.update.render.UpdateStatementProvider;

/** The Dynamic SQL statements run on the real database and agree with the XML mapper. */
@DatabaseTest
class AccountStatementsTest {

    private final Database database;
    private final RetryExecutor retry;
    private final List<Account> accounts = List.of(
            new Account(UUID.randomUUID(), 100),
            new Account(UUID.randomUUID(), 250),
            new Account(UUID.randomUUID(), 400),
            new Account(UUID.randomUUID(), 550));
    private final List<UUID> ids = accounts.stream().map(Account::id).toList();

    AccountStatementsTest(Database database) {
        this.database = database;
        this.retry = RetryExecutor.withDefaults(database.sessionFactory());
    }

    @BeforeEach
    void emptyTable() {
        retry.useTransaction(session -> {
            AccountMapper mapper = session.getMapper(AccountMapper.class);
            mapper.deleteByIds(mapper.findAll().stream().map(Account::id).toList());
        });
    }

    @Test
    void dynamicSqlInsertWritesWhatTheXmlMapperReadsBack() {
        int inserted = retry.inTransaction(
                session -> dynamic(session).insertMultiple(AccountStatements.insertAll(accounts)));

        assertThat(inserted).isEqualTo(4);
        assertThat(all()).containsExactlyInAnyOrderElementsOf(accounts);
    }

    @Test
    void dynamicSqlAndTheXmlMapperFindTheSameAccountsInTheSameOrder() {
        retry.useTransaction(session -> xml(session).insertAll(accounts));
        List<UUID> wanted = new ArrayList<>(ids.subList(0, 3));
        wanted.add(UUID.randomUUID()); // missing: skipped by both

        List<Account> byDynamicSql = retry.inTransaction(
                session -> dynamic(session).selectAccounts(AccountStatements.findByIds(wanted)));
        List<Account> byXml = retry.inTransaction(session -> xml(session).findByIds(wanted));

        assertThat(byDynamicSql).hasSize(3).isEqualTo(byXml);
    }

    @Test
    void countWithBalanceAtLeastCountsOnlyTheGivenAccountsFromTheMinimumUp() {
        retry.useTransaction(session -> xml(session).insertAll(accounts));

        long count = retry.inTransaction(
                session -> dynamic(session).count(AccountStatements.countWithBalanceAtLeast(ids.subList(0, 3), 250)));

        assertThat(count).isEqualTo(2); // 250 and 400; 550 is not among the ids asked about
    }

    @Test
    void dynamicSqlUpdateAndDeleteChangeExactlyTheRowsTheXmlMapperSees() {
        retry.useTransaction(session -> xml(session).insertAll(accounts));

        int updated = retry.inTransaction(
                session -> dynamic(session).update(AccountStatements.updateBalance(ids.get(0), 7)));
        int deleted = retry.inTransaction(
                session -> dynamic(session).delete(AccountStatements.deleteByIds(ids.subList(2, 4))));

        assertThat(updated).isEqualTo(1);
        assertThat(deleted).isEqualTo(2);
        assertThat(all())
                .containsExactlyInAnyOrder(new Account(ids.get(0), 7), accounts.get(1));
    }

    @Test
    void renderedSqlHoldsPlaceholdersWhileTheValuesTravelBesideIt() {
        SelectStatementProvider find = AccountStatements.findByIds(ids.subList(0, 2));
        UpdateStatementProvider update = AccountStatements.updateBalance(ids.get(0), 7);

        assertThat(find.getSelectStatement()).isEqualTo("select id, balance from accounts"
                + " where id in (#{parameters.p1,jdbcType=OTHER},#{parameters.p2,jdbcType=OTHER}) order by id");
        assertThat(find.getParameters()).isEqualTo(Map.of("p1", ids.get(0), "p2", ids.get(1)));
        assertThat(update.getUpdateStatement()).isEqualTo("update accounts"
                + " set balance = #{parameters.p1,jdbcType=BIGINT} where id = #{parameters.p2,jdbcType=OTHER}");
        assertThat(update.getParameters()).isEqualTo(Map.of("p1", 7L, "p2", ids.get(0)));
    }

    @Test
    void emptyIdCollectionsAreRefusedBeforeAnyStatementIsBuilt() {
        assertThatThrownBy(() -> AccountStatements.findByIds(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountStatements.deleteByIds(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountStatements.insertAll(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountStatements.countWithBalanceAtLeast(List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queryBuilderLessonShowsEachStatementAndLeavesTheTableAsItFoundIt() {
        retry.useTransaction(session -> xml(session).insertAll(accounts));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QueryBuilderLesson.run(database, new PrintStream(bytes, true, UTF_8));
        String output = bytes.toString(UTF_8);

        assertThat(output).contains("SQL:        select id, balance from accounts where id in (#{parameters.p1")
                .contains("Result:     3 rows inserted", "Result:     3 accounts found", "Result:     2",
                        "Result:     1 row updated", "Result:     3 rows deleted");
        assertThat(all()).containsExactlyInAnyOrderElementsOf(accounts);
    }

    private List<Account> all() {
        return retry.inTransaction(session -> xml(session).findAll());
    }

    private static DynamicAccountMapper dynamic(SqlSession session) {
        return session.getMapper(DynamicAccountMapper.class);
    }

    private static AccountMapper xml(SqlSession session) {
        return session.getMapper(AccountMapper.class);
    }
}
