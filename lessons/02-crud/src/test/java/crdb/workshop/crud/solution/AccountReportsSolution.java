package crdb.workshop.crud.solution;

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
import crdb.workshop.crud.exercise.AccountReports;
import crdb.workshop.crud.mapper.DynamicAccountMapper;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.mybatis.dynamic.sql.render.RenderingStrategies;
import org.mybatis.dynamic.sql.select.render.SelectStatementProvider;
import org.mybatis.dynamic.sql.update.render.UpdateStatementProvider;

/** The reference solution to exercise 02. Try the exercise before you read it. */
public class AccountReportsSolution implements AccountReports {

    @Override
    public List<Account> richest(SqlSession session, int limit) {
        SelectStatementProvider statement = select(id, balance)
                .from(accounts)
                .orderBy(balance.descending(), id)
                .limit(limit)
                .build()
                .render(RenderingStrategies.MYBATIS3);
        return session.getMapper(DynamicAccountMapper.class).selectAccounts(statement);
    }

    @Override
    public long countWithBalanceAtLeast(SqlSession session, long minimum) {
        SelectStatementProvider statement = countFrom(accounts)
                .where(balance, isGreaterThanOrEqualTo(minimum))
                .build()
                .render(RenderingStrategies.MYBATIS3);
        return session.getMapper(DynamicAccountMapper.class).count(statement);
    }

    @Override
    public int deposit(SqlSession session, Collection<UUID> ids, long amount) {
        if (ids.isEmpty()) {
            return 0; // "in ()" is a syntax error; nothing to change anyway
        }
        UpdateStatementProvider statement = update(accounts)
                .set(balance).equalTo(add(balance, value(amount)))
                .where(id, isIn(ids))
                .build()
                .render(RenderingStrategies.MYBATIS3);
        return session.getMapper(DynamicAccountMapper.class).update(statement);
    }
}
