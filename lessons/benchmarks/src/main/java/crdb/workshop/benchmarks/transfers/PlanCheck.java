package crdb.workshop.benchmarks.transfers;

import crdb.workshop.benchmarks.transfers.load.Workload;
import crdb.workshop.common.db.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How PostgreSQL reads an account by id, asked with EXPLAIN. In SERIALIZABLE mode a sequential
 * scan takes a predicate lock on the whole table, so every transfer conflicts with every other
 * one that writes, even at uniform load: the retries run out. PostgreSQL chooses one for a table
 * of a page or two unless random_page_cost makes the index look as cheap as it is on an SSD.
 */
public final class PlanCheck {

    private PlanCheck() {
    }

    /** One line about the plan, with the fix when it is a sequential scan in SERIALIZABLE mode; null on CockroachDB. */
    public static String describe(Database database) {
        if (database.isCockroachDb()) {
            return null; // CockroachDB reads the keys it asks for, whatever the table's size
        }
        String id = Workload.accountId(0).toString();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            String isolation = scalar(statement, "SHOW transaction_isolation");
            String randomPageCost = scalar(statement, "SHOW random_page_cost");
            String plan = scalar(statement, "EXPLAIN UPDATE accounts SET balance = balance + 1 WHERE id = '" + id + "'"
                    + " AND EXISTS (SELECT 1 FROM accounts WHERE id = '" + id + "' AND balance >= 1)");
            String lookup = scalar(statement, "EXPLAIN SELECT id, balance FROM accounts WHERE id = '" + id + "'");
            connection.rollback();
            boolean sequential = plan.contains("Seq Scan") || lookup.contains("Seq Scan");
            String line = "Plans: an account is read by id with " + (sequential ? "a sequential scan" : "its index")
                    + " (random_page_cost=" + randomPageCost + ", isolation " + isolation + ")";
            if (sequential && isolation.equals("serializable")) {
                line += ". In SERIALIZABLE a sequential scan predicate-locks the whole table: expect many retries and"
                        + " transfers that give up. Fix: ALTER DATABASE <name> SET random_page_cost = 1.1";
            }
            return line + ".";
        } catch (SQLException e) {
            return "Plans: not checked (" + e.getMessage() + ").";
        }
    }

    private static String scalar(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            StringBuilder all = new StringBuilder();
            while (rs.next()) {
                all.append(rs.getString(1)).append('\n');
            }
            return all.toString().strip();
        }
    }
}
