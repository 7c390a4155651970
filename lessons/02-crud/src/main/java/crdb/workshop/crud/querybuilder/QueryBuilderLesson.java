package crdb.workshop.crud.querybuilder;

import crdb.workshop.common.cli.LessonRunner;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.crud.mapper.DynamicAccountMapper;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.mybatis.dynamic.sql.delete.render.DeleteStatementProvider;
import org.mybatis.dynamic.sql.insert.render.MultiRowInsertStatementProvider;
import org.mybatis.dynamic.sql.select.render.SelectStatementProvider;
import org.mybatis.dynamic.sql.update.render.UpdateStatementProvider;

/**
 * "Prefer the query builder", in MyBatis: five statements built with MyBatis Dynamic SQL, each
 * printed as rendered (SQL text and bound values) and then run. It adds three accounts and
 * deletes them again, leaving the table as it found it.
 *
 * <p>Run: ./mvnw -q -pl lessons/02-crud -am compile exec:java
 * -Dexec.mainClass=crdb.workshop.crud.querybuilder.QueryBuilderLesson
 */
public final class QueryBuilderLesson {

    private QueryBuilderLesson() {
    }

    public static void main(String[] args) {
        LessonRunner.main(args, QueryBuilderLesson::run);
    }

    public static void run(Database database, PrintStream out) {
        RetryExecutor retry = RetryExecutor.withDefaults(database.sessionFactory());
        List<Account> three = List.of(
                new Account(UUID.randomUUID(), 100),
                new Account(UUID.randomUUID(), 250),
                new Account(UUID.randomUUID(), 400));
        List<UUID> ids = three.stream().map(Account::id).toList();
        out.println("Each statement is built in Java, rendered, printed, then run. #{...} marks a bound value.");

        MultiRowInsertStatementProvider<Account> insert = AccountStatements.insertAll(three);
        show(out, "Insert three accounts", insert.getInsertStatement(), Map.of("records", insert.getRecords()));
        int inserted = retry.inTransaction(session -> mapper(session).insertMultiple(insert));
        out.println("Result:     " + inserted + " rows inserted");

        // tag::show-and-run[]
        SelectStatementProvider find = AccountStatements.findByIds(ids);
        show(out, "Find them by id", find.getSelectStatement(), find.getParameters());
        List<Account> found = retry.inTransaction(session -> mapper(session).selectAccounts(find));
        out.println("Result:     " + found.size() + " accounts found");
        // end::show-and-run[]

        SelectStatementProvider count = AccountStatements.countWithBalanceAtLeast(ids, 200);
        show(out, "Count those with a balance of at least 200", count.getSelectStatement(), count.getParameters());
        long rich = retry.inTransaction(session -> mapper(session).count(count));
        out.println("Result:     " + rich);

        UpdateStatementProvider update = AccountStatements.updateBalance(ids.get(0), 150);
        show(out, "Set the first one's balance to 150", update.getUpdateStatement(), update.getParameters());
        int updated = retry.inTransaction(session -> mapper(session).update(update));
        out.println("Result:     " + updated + " row updated");

        DeleteStatementProvider delete = AccountStatements.deleteByIds(ids);
        show(out, "Delete all three", delete.getDeleteStatement(), delete.getParameters());
        int deleted = retry.inTransaction(session -> mapper(session).delete(delete));
        out.println("Result:     " + deleted + " rows deleted");
    }

    private static DynamicAccountMapper mapper(SqlSession session) {
        return session.getMapper(DynamicAccountMapper.class);
    }

    private static void show(PrintStream out, String title, String sql, Map<String, ?> parameters) {
        out.println();
        out.println("-- " + title);
        out.println("SQL:        " + sql);
        out.println("Parameters: " + new TreeMap<>(parameters)); // sorted: p1, p2, ... in order
    }
}
