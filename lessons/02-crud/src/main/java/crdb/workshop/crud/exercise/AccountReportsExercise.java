package crdb.workshop.crud.exercise;

import static crdb.workshop.crud.querybuilder.AccountsTable.accounts;
import static crdb.workshop.crud.querybuilder.AccountsTable.balance;
import static crdb.workshop.crud.querybuilder.AccountsTable.id;
import static org.mybatis.dynamic.sql.SqlBuilder.add;
import static org.mybatis.dynamic.sql.SqlBuilder.countFrom;
import static org.mybatis.dynamic.sql.SqlBuilder.isGreaterThanOrEqualTo;
import static org.mybatis.dynamic.sql.SqlBuilder.isIn;
import static org.mybatis.dynamic.sql.SqlBuilder.select;
import static org.mybatis.dynamic.sql.SqlBuilder.update;
import static org.mybatis.dynamic.sql.SqlBuilder.value;

import crdb.workshop.common.mapper.Account;
import crdb.workshop.crud.mapper.DynamicAccountMapper;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.mybatis.dynamic.sql.render.RenderingStrategies;
import org.mybatis.dynamic.sql.select.render.SelectStatementProvider;
import org.mybatis.dynamic.sql.update.render.UpdateStatementProvider;

/**
 * Your turn. Each method returns a placeholder that the tests reject; replace it with a statement
 * built with MyBatis Dynamic SQL and run through crdb.workshop.crud.mapper.DynamicAccountMapper, as
 * crdb.workshop.crud.querybuilder.AccountStatements does: the builder's methods from
 * org.mybatis.dynamic.sql.SqlBuilder, the columns from crdb.workshop.crud.querybuilder.AccountsTable,
 * then .build().render(RenderingStrategies.MYBATIS3). The imports you need are already above.
 * Check your work: ./mvnw -q -pl lessons/02-crud -am test-compile exec:java@exercises
 */
public class AccountReportsExercise implements AccountReports {

    // TODO-01: Select id and balance from accounts, ordered by balance descending and then by id,
    //          limited to `limit` rows: select(...).from(...).orderBy(balance.descending(), id).limit(...).
    //          Run it with session.getMapper(DynamicAccountMapper.class).selectAccounts(statement).
    @Override
    public List<Account> richest(SqlSession session, int limit) {
        return List.of();
    }

    // TODO-02: Count the accounts whose balance is at least `minimum`: countFrom(accounts).where(balance,
    //          isGreaterThanOrEqualTo(minimum)); run it with the mapper's count(...). Print
    //          statement.getSelectStatement() once to see where the minimum went.
    @Override
    public long countWithBalanceAtLeast(SqlSession session, long minimum) {
        return -1;
    }

    // TODO-03 (Optional): Add `amount` to each account in `ids` with one UPDATE:
    //          update(accounts).set(balance).equalTo(add(balance, value(amount))).where(id, isIn(ids)).
    //          An empty `ids` renders "in ()", which the database rejects: return 0 without sending anything.
    @Override
    public int deposit(SqlSession session, Collection<UUID> ids, long amount) {
        return -1;
    }
}
