package crdb.workshop.benchmarks.transfers.load;

import crdb.workshop.benchmarks.transfers.baseline.JdbcStrategy;
import crdb.workshop.benchmarks.transfers.baseline.JdbcTransferService;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.RetryListener;
import crdb.workshop.transfers.IdempotentTransfers;
import crdb.workshop.transfers.ReadModifyWriteTransfer;
import crdb.workshop.transfers.SelectForUpdateTransfer;
import crdb.workshop.transfers.SingleStatementTransfer;
import crdb.workshop.transfers.TransferStrategy;
import java.util.List;
import java.util.function.Function;

/**
 * One way of making transfers, as the load runner sees it: a strategy, through MyBatis or plain
 * JDBC, and how to build its client around a listener that counts retries. (A pgbench contender
 * has no client here: the benchmark runs pgbench itself.)
 */
public record Contender(String strategy, Kind kind, Function<RetryListener, TransferClient> client) {

    /** Who sends the strategy's SQL. */
    public enum Kind {
        MYBATIS("MyBatis"), JDBC("JDBC"), PGBENCH("pgbench"),
        /** Lesson 06's service over HTTP (ServiceLoadBenchmark): HTTP, Spring and MyBatis in front of the SQL. */
        SERVICE("lesson 06 service, HTTP");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    public static final String READ_MODIFY_WRITE = "read-modify-write";
    public static final String SELECT_FOR_UPDATE = "SELECT FOR UPDATE";
    public static final String SINGLE_STATEMENT = "single statement";

    public String name() {
        return strategy + " (" + kind.label + ")";
    }

    /** The hand-written JDBC baseline of its strategy. */
    public boolean jdbc() {
        return kind == Kind.JDBC;
    }

    /** The same strategy's SQL sent by pgbench (C and libpq); run by the benchmark, not the load runner. */
    public static Contender pgbench(String strategy) {
        return new Contender(strategy, Kind.PGBENCH, null);
    }

    /** IdempotentTransfers with {@code transferStrategy}, run by a RetryExecutor with {@code retry}. */
    public static Contender myBatis(String strategy, TransferStrategy transferStrategy, Database database,
            RetrySettings retry) {
        return new Contender(strategy, Kind.MYBATIS, listener ->
                new IdempotentTransfers(retry.executor(database.sessionFactory(), listener), transferStrategy)::transfer);
    }

    /** The hand-written JDBC baseline of the same strategy, with the same retry settings. */
    public static Contender jdbc(String strategy, JdbcStrategy jdbcStrategy, Database database, RetrySettings retry) {
        return new Contender(strategy, Kind.JDBC, listener -> new JdbcTransferService(
                retry.jdbcLoop(database.dataSource(), listener), jdbcStrategy, !database.isCockroachDb())::transfer);
    }

    /** The lesson's strategy named {@code strategy}: what the pgbench contender takes its isolation from. */
    public static TransferStrategy lessonStrategy(String strategy) {
        return switch (strategy) {
            case READ_MODIFY_WRITE -> new ReadModifyWriteTransfer();
            case SELECT_FOR_UPDATE -> new SelectForUpdateTransfer();
            case SINGLE_STATEMENT -> new SingleStatementTransfer();
            default -> throw new IllegalArgumentException("no strategy named " + strategy);
        };
    }

    /** Each of the three strategies through MyBatis, followed by its JDBC baseline. */
    public static List<Contender> all(Database database, RetrySettings retry) {
        return List.of(
                myBatis(READ_MODIFY_WRITE, lessonStrategy(READ_MODIFY_WRITE), database, retry),
                jdbc(READ_MODIFY_WRITE, JdbcStrategy.READ_MODIFY_WRITE, database, retry),
                myBatis(SELECT_FOR_UPDATE, lessonStrategy(SELECT_FOR_UPDATE), database, retry),
                jdbc(SELECT_FOR_UPDATE, JdbcStrategy.SELECT_FOR_UPDATE, database, retry),
                myBatis(SINGLE_STATEMENT, lessonStrategy(SINGLE_STATEMENT), database, retry),
                jdbc(SINGLE_STATEMENT, JdbcStrategy.SINGLE_STATEMENT, database, retry));
    }
}
