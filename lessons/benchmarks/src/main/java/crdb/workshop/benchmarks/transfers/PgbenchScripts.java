package crdb.workshop.benchmarks.transfers;

import crdb.workshop.benchmarks.transfers.load.Contender;
import crdb.workshop.benchmarks.transfers.load.Workload;
import crdb.workshop.common.retry.Isolation;

/**
 * Each strategy's transaction as a pgbench script: the statements the JDBC baseline sends
 * (JdbcStrategy, JdbcTransferService), in the same order, with the same locking order and the
 * same refusal when the source cannot cover the amount.
 *
 * <p>Two differences, both outside what is measured: pgbench has numbers but no strings, so an
 * account id is built from its number on the server ({@code ('00000000-…-' || :n)::uuid}, see
 * {@link Workload#accountId}); and the transfer's own id comes from {@code gen_random_uuid()}
 * instead of the client.
 */
final class PgbenchScripts {

    private PgbenchScripts() {
    }

    /**
     * The script for {@code strategy}: between the two hot accounts, or between any two. Its
     * transactions run at {@code isolation}, the level the lesson's strategy states: SERIALIZABLE
     * is every session's default (PGOPTIONS, as the pool's connections have it), any other level
     * is stated as the transaction's first statement, as the executor and the JDBC baseline do.
     */
    static String script(String strategy, boolean hot, Isolation isolation) {
        StringBuilder s = new StringBuilder();
        if (hot) {
            s.append("\\set f random(0, 1)\n\\set t 1 - :f\n");
        } else {
            s.append("\\set f random(0, :accounts - 1)\n\\set t mod(:f + random(1, :accounts - 1), :accounts)\n");
        }
        s.append("\\set fid ").append(Workload.FIRST_ACCOUNT_NUMBER).append(" + :f\n");
        s.append("\\set tid ").append(Workload.FIRST_ACCOUNT_NUMBER).append(" + :t\n");
        s.append("\\set amount random(1, :maxamount)\n");
        s.append("BEGIN;\n");
        if (isolation != Isolation.SERIALIZABLE) {
            s.append("SET TRANSACTION ISOLATION LEVEL ").append(isolation.sqlName()).append(";\n");
        }
        s.append("INSERT INTO transfers (id, from_id, to_id, amount) VALUES (gen_random_uuid(), ")
                .append(id(":fid")).append(", ").append(id(":tid")).append(", :amount) ON CONFLICT (id) DO NOTHING;\n");
        switch (strategy) {
            case Contender.READ_MODIFY_WRITE -> readModifyWrite(s);
            case Contender.SELECT_FOR_UPDATE -> selectForUpdate(s);
            case Contender.SINGLE_STATEMENT -> singleStatement(s);
            default -> throw new IllegalArgumentException("no pgbench script for " + strategy);
        }
        return s.toString();
    }

    private static void readModifyWrite(StringBuilder s) {
        s.append("SELECT id AS from_row, balance AS fb FROM accounts WHERE id = ").append(id(":fid")).append(" \\gset\n");
        s.append("SELECT id AS to_row, balance AS tb FROM accounts WHERE id = ").append(id(":tid")).append(" \\gset\n");
        s.append("\\set nf :fb - :amount\n\\set nt :tb + :amount\n");
        s.append("\\if :nf < 0\nROLLBACK;\n"); // refused: insufficient funds
        s.append("\\elif :f < :t\n");
        s.append(update(":nf", ":fid")).append(update(":nt", ":tid")).append("COMMIT;\n");
        s.append("\\else\n");
        s.append(update(":nt", ":tid")).append(update(":nf", ":fid")).append("COMMIT;\n");
        s.append("\\endif\n");
    }

    private static String update(String balance, String account) {
        return "UPDATE accounts SET balance = " + balance + " WHERE id = " + id(account) + ";\n";
    }

    private static void selectForUpdate(StringBuilder s) {
        String lockFrom = "SELECT id AS from_row, balance AS fb FROM accounts WHERE id = " + id(":fid")
                + " FOR UPDATE \\gset\n";
        String lockTo = "SELECT id AS to_row, balance AS tb FROM accounts WHERE id = " + id(":tid")
                + " FOR UPDATE \\gset\n";
        s.append("\\if :f < :t\n").append(lockFrom).append(lockTo)
                .append("\\else\n").append(lockTo).append(lockFrom).append("\\endif\n");
        s.append("\\set debit -:amount\n");
        s.append("\\if :fb < :amount\nROLLBACK;\n\\else\n");
        s.append("UPDATE accounts SET balance = balance + :debit WHERE id = ").append(id(":fid")).append(";\n");
        s.append("UPDATE accounts SET balance = balance + :amount WHERE id = ").append(id(":tid")).append(";\n");
        s.append("COMMIT;\n\\endif\n");
    }

    private static void singleStatement(StringBuilder s) {
        // pgbench's parameters have no type: CAST gives them the one the JDBC driver declares (int8).
        s.append("\\set debit -:amount\n");
        s.append("UPDATE accounts SET balance = balance + CASE WHEN id = ").append(id(":fid"))
                .append(" THEN CAST(:debit AS INT8) ELSE CAST(:amount AS INT8) END WHERE id IN (")
                .append(id(":fid")).append(", ")
                .append(id(":tid")).append(") AND EXISTS (SELECT 1 FROM accounts WHERE id = ").append(id(":fid"))
                .append(" AND balance >= :amount);\n");
        s.append("COMMIT;\n");
    }

    /** The account id whose number is in {@code variable}; see {@link Workload#accountId}. */
    private static String id(String variable) {
        return "('00000000-0000-4000-8000-' || " + variable + ")::uuid";
    }
}
