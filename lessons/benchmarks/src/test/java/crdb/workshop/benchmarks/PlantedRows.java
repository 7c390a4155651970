package crdb.workshop.benchmarks;

import crdb.workshop.benchmarks.transfers.load.Workload;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.Sql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rows a benchmark did not write, planted before it runs and read back after it, with plain JDBC
 * outside any benchmark, so a test can show they are there unchanged.
 */
public final class PlantedRows {

    private PlantedRows() {
    }

    /**
     * Two accounts, one with the very id the benchmarks give their first account, and a transfer
     * between them (lesson 03's schema must exist).
     */
    public static void plantAccountsAndTransfer(Database database) throws SQLException {
        UUID someone = UUID.randomUUID();
        Sql.execute(database, "INSERT INTO accounts (id, balance) VALUES ('" + Workload.accountId(0) + "', 4242), ('"
                + someone + "', 17) ON CONFLICT (id) DO NOTHING");
        Sql.execute(database, "INSERT INTO transfers (id, from_id, to_id, amount) VALUES ('" + UUID.randomUUID()
                + "', '" + Workload.accountId(0) + "', '" + someone + "', 5)");
    }

    /** Every row of accounts and transfers, as text, in a fixed order. */
    public static List<String> accountsAndTransfers(Database database) throws SQLException {
        List<String> rows = new ArrayList<>(Sql.rows(database, "SELECT id, balance FROM accounts ORDER BY id"));
        rows.addAll(Sql.rows(database, "SELECT id, from_id, to_id, amount FROM transfers ORDER BY id"));
        return rows;
    }
}
