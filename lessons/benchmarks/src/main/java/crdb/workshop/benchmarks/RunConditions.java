package crdb.workshop.benchmarks;

import crdb.workshop.common.db.Database;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a benchmark's numbers depend on besides the code it measures, printed beside them: how busy
 * the machine is, and what a COMMIT waits for on the server.
 */
public final class RunConditions {

    private RunConditions() {
    }

    /** The operating system's one-minute load average, or -1 where it has none. */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The server's fsync and synchronous_commit: what a COMMIT waits for, which the rates depend on. */
    public static String durability(Database database) throws SQLException {
        if (database.isCockroachDb()) {
            return "CockroachDB (commits wait for replication by its own rules)";
        }
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('fsync'),"
                     + " current_setting('synchronous_commit')")) {
            rs.next();
            String settings = "fsync=" + rs.getString(1) + ", synchronous_commit=" + rs.getString(2);
            connection.commit();
            return settings;
        }
    }
}
