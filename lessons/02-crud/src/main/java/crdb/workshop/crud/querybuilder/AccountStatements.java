package crdb.workshop.crud.querybuilder;

import static crdb.workshop.crud.querybuilder.AccountsTable.accounts;
import static crdb.workshop.crud.querybuilder.AccountsTable.balance;
import static crdb.workshop.crud.querybuilder.AccountsTable.id;
import static org.mybatis.dynamic.sql.SqlBuilder.countFrom;
import static org.mybatis.dynamic.sql.SqlBuilder.deleteFrom;
import static org.mybatis.dynamic.sql.SqlBuilder.insertMultiple;
import static org.mybatis.dynamic.sql.SqlBuilder.isEqualTo;
import static org.mybatis.dynamic.sql.SqlBuilder.isGreaterThanOrEqualTo;
import static org.mybatis.dynamic.sql.SqlBuilder.isIn;
import static org.mybatis.dynamic.sql.SqlBuilder.select;
import static org.mybatis.dynamic.sql.SqlBuilder.update;

import crdb.workshop.common.mapper.Account;
import java.util.Collection;
import java.util.UUID;
import org.mybatis.dynamic.sql.delete.render.DeleteStatementProvider;
import org.mybatis.dynamic.sql.insert.render.MultiRowInsertStatementProvider;
import org.mybatis.dynamic.sql.render.RenderingStrategies;
import org.mybatis.dynamic.sql.select.render.SelectStatementProvider;
import org.mybatis.dynamic.sql.update.render.UpdateStatementProvider;

/**
 * AccountMapper's queries again, built with MyBatis Dynamic SQL. Each method returns the
 * rendered statement: its SQL text, with a #{...} placeholder where each value goes, and the
 * values beside it. Print it to see exactly what will run; hand it to DynamicAccountMapper to run it.
 *
 * <p>An empty id collection is refused here: Dynamic SQL 1.5 renders it as "in ()", which the
 * database rejects as a syntax error, and AccountMapper answers "nothing" instead.
 */
public final class AccountStatements {

    private AccountStatements() {
    }

    // tag::insert-all[]
    public static MultiRowInsertStatementProvider<Account> insertAll(Collection<Account> rows) {
        requireSome(rows, "accounts to insert");
        return insertMultiple(rows).into(accounts)
                .map(id).toProperty("id")
                .map(balance).toProperty("balance")
                .build()
                .render(RenderingStrategies.MYBATIS3);
    }
    // end::insert-all[]

    // tag::find-by-ids[]
    public static SelectStatementProvider findByIds(Collection<UUID> ids) {
        requireSome(ids, "ids to find");
        return select(id, balance)
                .from(accounts)
                .where(id, isIn(ids))
                .orderBy(id)
                .build()
                .render(RenderingStrategies.MYBATIS3);
    }
    // end::find-by-ids[]

    public static SelectStatementProvider countWithBalanceAtLeast(Collection<UUID> ids, long minimum) {
        requireSome(ids, "ids to count");
        return countFrom(accounts)
                .where(id, isIn(ids))
                .and(balance, isGreaterThanOrEqualTo(minimum))
                .build()
                .render(RenderingStrategies.MYBATIS3);
    }

    public static UpdateStatementProvider updateBalance(UUID account, long newBalance) {
        return update(accounts)
                .set(balance).equalTo(newBalance)
                .where(id, isEqualTo(account))
                .build()
                .render(RenderingStrategies.MYBATIS3);
    }

    public static DeleteStatementProvider deleteByIds(Collection<UUID> ids) {
        requireSome(ids, "ids to delete");
        return deleteFrom(accounts)
                .where(id, isIn(ids))
                .build()
                .render(RenderingStrategies.MYBATIS3);
    }

    private static void requireSome(Collection<?> values, String what) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("No " + what + ": SQL has no empty IN list;"
                    + " skip the statement instead.");
        }
    }
}
