package crdb.workshop.common.mybatis;

import crdb.workshop.common.server.Vendor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.DatabaseIdProvider;

/**
 * Tells MyBatis whether it runs on {@code cockroachdb} or {@code postgresql}, so a mapper can hold
 * a statement per vendor ({@code <select databaseId="cockroachdb">}) where their SQL differs.
 *
 * <p>MyBatis's own VendorDatabaseIdProvider reads the JDBC driver's product name, which is
 * "PostgreSQL" for both; this one asks the server. The same query reads the isolation level
 * transactions get by default, which --echo-sql shows at each BEGIN.
 */
public final class VendorDatabaseIdProvider implements DatabaseIdProvider {

    private String defaultIsolation = "serializable";

    @Override
    public void setProperties(Properties properties) {
        // Nothing to configure.
    }

    @Override
    public String getDatabaseId(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT version(), current_setting('default_transaction_isolation')")) {
            rs.next();
            defaultIsolation = rs.getString(2);
            return Vendor.fromVersion(rs.getString(1)).databaseId();
        }
    }

    /** The server's default_transaction_isolation, as read by {@link #getDatabaseId}: "serializable". */
    public String defaultIsolation() {
        return defaultIsolation;
    }
}
