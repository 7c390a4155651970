package crdb.workshop.common.mybatis;

import crdb.workshop.common.db.Vendor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.DatabaseIdProvider;

/**
 * Tells MyBatis whether it runs on {@code cockroachdb} or {@code postgresql}, so a mapper can hold
 * a statement per vendor ({@code <select databaseId="cockroachdb">}) where their SQL differs.
 *
 * <p>MyBatis's own VendorDatabaseIdProvider reads the JDBC driver's product name, which is
 * "PostgreSQL" for both; this one asks the server.
 */
public final class VendorDatabaseIdProvider implements DatabaseIdProvider {

    @Override
    public void setProperties(Properties properties) {
        // Nothing to configure.
    }

    @Override
    public String getDatabaseId(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Vendor.of(connection).databaseId();
        }
    }
}
