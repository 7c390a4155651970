package crdb.workshop.common.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;

/**
 * CockroachDB's half of {@link CommitFaults}: a MyBatis plugin that sees each session's first
 * write to a watched table and, when the plan says this commit must fail, runs
 * {@code SET LOCAL inject_retry_errors_on_commit_enabled = true} on the session's connection.
 * The server then fails that transaction's COMMIT with 40001; {@code SET LOCAL} ends with the
 * transaction, so the pooled connection forgets it. A MyBatis session holds one transaction, so
 * "first write of the session" is "first write of the transaction", as the PostgreSQL trigger
 * counts it.
 */
@Intercepts(@Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}))
final class CommitFaultArming implements Interceptor {

    static final String ARM_COCKROACH_COMMIT_FAULT = "SET LOCAL inject_retry_errors_on_commit_enabled = true";

    private final Pattern writesWatchedTable;
    private final BooleanSupplier nextCommitFails;
    private final String armingSql;
    private final Map<Executor, Boolean> seen = Collections.synchronizedMap(new WeakHashMap<>());

    /** {@code armingSql} is {@link #ARM_COCKROACH_COMMIT_FAULT}, except in this class's own test on PostgreSQL. */
    CommitFaultArming(Iterable<String> tables, BooleanSupplier nextCommitFails, String armingSql) {
        this.armingSql = armingSql;
        this.writesWatchedTable = Pattern.compile("(?is).*\\b(INSERT\\s+INTO|UPSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+("
                + String.join("|", tables) + ")\\b.*");
        this.nextCommitFails = nextCommitFails;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Executor executor = (Executor) invocation.getTarget();
        MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
        String sql = statement.getBoundSql(invocation.getArgs()[1]).getSql();
        if (writesWatchedTable.matcher(sql).matches() && seen.put(executor, Boolean.TRUE) == null
                && nextCommitFails.getAsBoolean()) {
            arm(executor.getTransaction().getConnection(), armingSql);
        }
        return invocation.proceed();
    }

    static void arm(Connection connection, String armingSql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(armingSql);
        }
    }
}
