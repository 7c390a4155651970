package crdb.workshop.common.echo;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.echo.mapper.EchoProbeMapper;
import crdb.workshop.common.mybatis.MyBatisFactory;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.url.ConnectionSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Echo prints what the application sends, and never the password it connects with, in whatever
 * form the application sends it: as a parameter, inside a connection string, or in SQL text.
 */
@DatabaseTest
class SecretEchoTest {

    private final Database database;

    SecretEchoTest(Database database) {
        this.database = database;
    }

    @Test
    void theConnectionPasswordNeverShowsWhateverTheApplicationSends() throws SQLException {
        ConnectionSettings settings = database.settings();
        Properties properties = settings.properties();
        // The server's own password where it needs one; where it does not, one it ignores.
        String password = properties.getProperty("password", "p@ss:w/rd%echo-" + System.nanoTime());
        properties.setProperty("password", password);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setDataSourceProperties(properties);
        config.setAutoCommit(false);
        config.setMaximumPoolSize(2);
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);

        List<String> echoed;
        try (HikariDataSource pool = new HikariDataSource(config)) {
            SqlSessionFactory sessions = MyBatisFactory.build(pool);
            try (EchoCapture echo = EchoCapture.start(); SqlSession session = sessions.openSession()) {
                EchoProbeMapper probe = session.getMapper(EchoProbeMapper.class);
                assertThat(probe.roundTrip(password)).isEqualTo(password);
                assertThat(probe.roundTrip("postgresql://learner:" + encoded + "@db:26257/bank")).contains(encoded);
                assertThat(probe.roundTrip("the password is " + password + ", do not tell")).contains(password);
                assertThat(probe.passwordLength("hunter2-not-the-real-one")).isEqualTo(24);
                echoed = echo.lines();
            }
        }

        assertThat(echoed).hasSizeGreaterThan(8)
                .noneMatch(line -> line.contains(password))
                .noneMatch(line -> line.contains(encoded))
                .noneMatch(line -> line.contains("hunter2"))
                .contains("SQL ==> Parameters: ****(String)",
                        "SQL ==> Parameters: postgresql://learner:****@db:26257/bank(String)",
                        "SQL ==> Parameters: **** (the statement mentions a secret)");
    }

    @Test
    void passwordShapedValuesAreMaskedInAnyEchoedLine() {
        assertThat(SecretMask.mask("==>  Executing: ALTER ROLE learner WITH PASSWORD 'it''s s3cret'"))
                .isEqualTo("==>  Executing: ALTER ROLE learner WITH PASSWORD '****'");
        assertThat(SecretMask.mask("==> Parameters: jdbc:postgresql://h:5432/d?user=u&password=s3cret&ssl=true(String)"))
                .isEqualTo("==> Parameters: jdbc:postgresql://h:5432/d?user=u&password=****&ssl=true(String)");
        assertThat(SecretMask.mask("==> Parameters: postgresql://u:s3cret@h:26257/d(String)"))
                .isEqualTo("==> Parameters: postgresql://u:****@h:26257/d(String)");
        assertThat(SecretMask.mask("==>  Preparing: SELECT password_hash FROM users WHERE name = ?"))
                .isEqualTo("==>  Preparing: SELECT password_hash FROM users WHERE name = ?");
    }
}
