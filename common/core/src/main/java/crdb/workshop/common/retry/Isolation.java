package crdb.workshop.common.retry;

/**
 * The isolation level a unit of work runs at. It is part of what the unit guarantees, so the
 * executor states it instead of inheriting whatever the server, role, database or connection
 * string made the default (PostgreSQL's is READ COMMITTED; a CockroachDB cluster can have it too).
 *
 * <p>How, without a round trip per transaction: every pooled connection is set to SERIALIZABLE
 * once, when the pool opens it ({@link SessionDefaults}); a unit that asks for READ COMMITTED
 * starts its transaction with {@code SET TRANSACTION ISOLATION LEVEL READ COMMITTED}, which lasts
 * for that transaction only, so nothing has to be restored afterwards.
 */
public enum Isolation {

    /** The default, and CockroachDB's: the result is as if the transactions ran one at a time. */
    SERIALIZABLE("SERIALIZABLE"),

    /**
     * Each statement sees what was committed before it began. Only where a lesson chooses it on
     * purpose and locks what it reads (lesson 03's FOR UPDATE strategy on PostgreSQL). CockroachDB
     * runs it as SERIALIZABLE unless its cluster setting
     * {@code sql.txn.read_committed_isolation.enabled} is on.
     */
    READ_COMMITTED("READ COMMITTED");

    private final String sql;
    private final String setTransactionSql;

    Isolation(String sql) {
        this.sql = sql;
        this.setTransactionSql = "SET TRANSACTION ISOLATION LEVEL " + sql; // once, not per transaction
    }

    /** "SERIALIZABLE", "READ COMMITTED": as SQL spells it. */
    public String sqlName() {
        return sql;
    }

    /** The first statement of a transaction that runs at this level; valid on both databases. */
    String setTransactionSql() {
        return setTransactionSql;
    }
}
