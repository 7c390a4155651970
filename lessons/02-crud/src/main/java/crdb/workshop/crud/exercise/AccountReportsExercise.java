package crdb.workshop.crud.exercise;

import crdb.workshop.common.mapper.Account;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;

/**
 * Your turn. Each method returns a placeholder that the tests reject; replace it with a statement
 * built with MyBatis Dynamic SQL and run through DynamicAccountMapper, as querybuilder.AccountStatements
 * does: static imports from org.mybatis.dynamic.sql.SqlBuilder, the columns from
 * querybuilder.AccountsTable, then .build().render(RenderingStrategies.MYBATIS3).
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
