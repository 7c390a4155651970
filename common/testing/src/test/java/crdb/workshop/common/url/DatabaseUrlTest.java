package crdb.workshop.common.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.WorkshopException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.Driver;

/** The connection strings people paste, and what pgjdbc gets from each. */
class DatabaseUrlTest {

    private static final String HOST = "free-tier.gcp-us-central1.cockroachlabs.cloud";

    @TempDir
    Path dir;

    private Path caCert;

    @BeforeEach
    void downloadCaCert() throws IOException {
        caCert = Files.writeString(dir.resolve("root.crt"), "-----BEGIN CERTIFICATE-----\n");
    }

    @Test
    void cockroachCloudGeneralConnectionStringBecomesUrlPlusDriverProperties() {
        ConnectionSettings settings = DatabaseUrl.parse("postgresql://maxroach:Hunter2-Zq7x9@" + HOST
                + ":26257/defaultdb?sslmode=verify-full&sslrootcert=" + caCert);

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://" + HOST + ":26257/defaultdb");
        Properties props = settings.properties();
        assertThat(props).containsEntry("user", "maxroach")
                .containsEntry("password", "Hunter2-Zq7x9")
                .containsEntry("sslmode", "verify-full")
                .containsEntry("sslrootcert", caCert.toString())
                .hasSize(4);
        assertThat(settings.display())
                .isEqualTo("postgresql://maxroach:****@" + HOST + ":26257/defaultdb?sslmode=verify-full");
    }

    @Test
    void postgresSchemeMeansTheSame() {
        ConnectionSettings settings = DatabaseUrl.parse("postgres://maxroach:Hunter2-Zq7x9@" + HOST
                + ":26257/defaultdb?sslmode=verify-full");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://" + HOST + ":26257/defaultdb");
        assertThat(settings.properties()).containsEntry("user", "maxroach")
                .containsEntry("password", "Hunter2-Zq7x9")
                .containsEntry("sslmode", "verify-full");
    }

    @Test
    void sqlAlchemyCockroachdbSchemeIsAccepted() {
        // The Python tutorial rewrites postgresql:// to cockroachdb:// for SQLAlchemy; people paste that too.
        ConnectionSettings settings = DatabaseUrl.parse(
                "cockroachdb://maxroach:Hunter2-Zq7x9@localhost:26257/bank?sslmode=require");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:26257/bank");
        assertThat(settings.properties()).containsEntry("user", "maxroach").containsEntry("sslmode", "require");
        assertThat(settings.display()).startsWith("cockroachdb://maxroach:****@localhost:26257/bank");
    }

    @Test
    void jdbcUrlWithCredentialsInTheQueryMovesThemToProperties() {
        // The shape `cockroach convert-url` prints for Java.
        ConnectionSettings settings = DatabaseUrl.parse("jdbc:postgresql://" + HOST + ":26257/defaultdb"
                + "?options=--cluster%3Dgentle-otter-123&password=Hunter2-Zq7x9&sslmode=verify-full&user=maxroach");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://" + HOST + ":26257/defaultdb");
        assertThat(settings.properties()).containsEntry("user", "maxroach")
                .containsEntry("password", "Hunter2-Zq7x9")
                .containsEntry("options", "--cluster=gentle-otter-123")
                .containsEntry("sslmode", "verify-full");
        assertThat(settings.display()).isEqualTo(
                "jdbc:postgresql://maxroach:****@" + HOST + ":26257/defaultdb?sslmode=verify-full");
    }

    @Test
    void clusterRoutingOptionIsDecodedForTheDriver() {
        ConnectionSettings settings = DatabaseUrl.parse("postgresql://maxroach:Hunter2-Zq7x9@" + HOST
                + ":26257/defaultdb?sslmode=verify-full&options=--cluster%3Dgentle-otter-123");

        assertThat(settings.properties()).containsEntry("options", "--cluster=gentle-otter-123");
    }

    @Test
    void applicationNameIsPgjdbcsApplicationName() {
        ConnectionSettings settings = DatabaseUrl.parse(
                "postgresql://root@localhost:26257/defaultdb?sslmode=disable&application_name=bank%20app");

        assertThat(settings.properties()).containsEntry("ApplicationName", "bank app")
                .doesNotContainKey("application_name");
    }

    @Test
    void otherLibpqAndPgjdbcParametersCarryOver() throws IOException {
        Path clientCert = Files.writeString(dir.resolve("client.root.crt"), "cert");
        Path clientKey = Files.writeString(dir.resolve("client.root.key.pk8"), "key");
        ConnectionSettings settings = DatabaseUrl.parse("postgresql://root@localhost:26257/defaultdb"
                + "?sslmode=verify-ca&sslcert=" + clientCert + "&sslkey=" + clientKey
                + "&connect_timeout=7&reWriteBatchedInserts=true");

        assertThat(settings.properties()).containsEntry("sslmode", "verify-ca")
                .containsEntry("sslcert", clientCert.toString())
                .containsEntry("sslkey", clientKey.toString())
                .containsEntry("connectTimeout", "7")
                .containsEntry("reWriteBatchedInserts", "true");
    }

    @Test
    void multiHostAuthorityKeepsEachHostsPort() {
        ConnectionSettings settings = DatabaseUrl.parse("postgresql://maxroach:Hunter2-Zq7x9@node1:26257,node2,"
                + "[::1]:26259/defaultdb?load_balance_hosts=random");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://node1:26257,node2:5432,[::1]:26259/defaultdb");
        assertThat(settings.properties()).containsEntry("loadBalanceHosts", "true");
        assertThat(settings.display()).isEqualTo("postgresql://maxroach:****@node1:26257,node2:5432,[::1]:26259/defaultdb");
    }

    @ParameterizedTest(name = "target_session_attrs={0} is targetServerType={1}")
    @CsvSource({
        "read-write, primary",
        "read-only, secondary",
        "primary, primary",
        "standby, secondary",
        "prefer-standby, preferSecondary",
        "any, any",
    })
    void targetSessionAttrsBecomesPgjdbcsTargetServerType(String libpq, String pgjdbc) {
        ConnectionSettings settings = DatabaseUrl.parse("postgresql://root@h1,h2/defaultdb?target_session_attrs=" + libpq);

        assertThat(settings.properties()).containsEntry("targetServerType", pgjdbc)
                .doesNotContainKey("target_session_attrs");
    }

    @Test
    void atInAQueryValueStaysInTheValue() {
        ConnectionSettings settings = DatabaseUrl.parse(
                "postgresql://maxroach:Hunter2@localhost:26257/defaultdb?application_name=me@corp.example:5599");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:26257/defaultdb");
        assertThat(settings.properties()).containsEntry("ApplicationName", "me@corp.example:5599")
                .containsEntry("password", "Hunter2");
    }

    @Test
    void ipv6HostKeepsItsBrackets() {
        assertThat(DatabaseUrl.parse("postgresql://root@[::1]:26257/defaultdb?sslmode=disable").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:26257/defaultdb");
        assertThat(DatabaseUrl.parse("postgresql://root@[2001:db8::7]/defaultdb").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[2001:db8::7]:5432/defaultdb");
    }

    @ParameterizedTest(name = "{0} without a port means port {1}")
    @CsvSource({
        "postgresql, 5432",
        "postgres, 5432",
        "jdbc:postgresql, 5432",
        "cockroachdb, 26257",
    })
    void missingPortDefaultsAsEachClientWould(String scheme, int port) {
        // libpq and pgjdbc default to 5432; the SQLAlchemy CockroachDB dialect to 26257.
        assertThat(DatabaseUrl.parse(scheme + "://root@db.example.com/defaultdb").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example.com:" + port + "/defaultdb");
    }

    @Test
    void databaseNameWithADotReachesTheDriverIntact() {
        // Older CockroachDB Cloud strings route to a cluster by prefixing the database name.
        ConnectionSettings settings = DatabaseUrl.parse("postgresql://maxroach:Hunter2-Zq7x9@" + HOST
                + ":26257/gentle-otter-123.defaultdb?sslmode=verify-full");

        assertThat(driverDatabaseName(settings)).isEqualTo("gentle-otter-123.defaultdb");
        assertThat(settings.display()).contains("/gentle-otter-123.defaultdb?");
    }

    @ParameterizedTest(name = "database {1}")
    @CsvSource({
        "bank%2Bledger, bank+ledger",
        "my%20bank, my bank",
        "odd%3Fname, odd?name",
        "100%25, 100%",
    })
    void percentEncodedDatabaseNameReachesTheDriverDecoded(String encoded, String name) {
        ConnectionSettings settings = DatabaseUrl.parse("postgresql://root@localhost:26257/" + encoded);

        assertThat(driverDatabaseName(settings)).isEqualTo(name);
    }

    @Test
    void percentEncodedUserAndPasswordAreDecoded() {
        ConnectionSettings settings = DatabaseUrl.parse(
                "postgresql://bank%20app%2Badmin:p%40ss%2Fw0rd%2BZq7@localhost:26257/defaultdb");

        assertThat(settings.properties()).containsEntry("user", "bank app+admin")
                .containsEntry("password", "p@ss/w0rd+Zq7");
        assertThat(settings.display()).startsWith("postgresql://bank app+admin:****@localhost:26257/");
    }

    @Test
    void plusInAPasswordIsAPlusNotASpace() {
        assertThat(DatabaseUrl.parse("postgresql://root:a+b@localhost:26257/defaultdb").properties())
                .containsEntry("password", "a+b");
    }

    @Test
    void unencodedAtInAPasswordIsForgiven() {
        // The user info ends at the authority's last '@'.
        ConnectionSettings settings = DatabaseUrl.parse("postgresql://root:p@ss@localhost:26257/defaultdb");

        assertThat(settings.properties()).containsEntry("password", "p@ss");
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:26257/defaultdb");
    }

    @Test
    void unencodedSlashInAPasswordIsRefusedNotGuessed() {
        // RFC 3986 ends the authority at the '/': guessing would send part of the password to host "ss".
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://root:p@ss/w0rd@localhost:26257/defaultdb"))
                .isInstanceOf(WorkshopException.class)
                .hasMessageContaining("percent-encode them (%2F, %3F, %23)")
                .hasMessageNotContaining("w0rd");
    }

    @Test
    void urlWithoutDatabaseLeavesTheChoiceToTheServer() {
        // The tutorial's `cockroach demo` string has no database; CockroachDB then uses defaultdb.
        ConnectionSettings settings =
                DatabaseUrl.parse("postgresql://demo:Hunter2-Zq7x9@127.0.0.1:26257?sslmode=require");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:26257/");
        assertThat(driverDatabaseName(settings)).isEmpty();
        assertThat(settings.properties()).containsEntry("user", "demo").containsEntry("sslmode", "require");
    }

    @Test
    void surroundingWhitespaceAndSchemeCaseDoNotMatter() {
        assertThat(DatabaseUrl.parse("  PostgreSQL://root@localhost:26257/defaultdb?sslmode=disable\n").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:26257/defaultdb");
    }

    @Test
    void urlWithoutUserLeavesTheUserToTheDriver() {
        assertThat(DatabaseUrl.parse("postgresql://localhost:26257/defaultdb").properties()).doesNotContainKey("user");
    }

    /** What pgjdbc itself reads as the database name from our JDBC URL. */
    private static String driverDatabaseName(ConnectionSettings settings) {
        Properties parsed = Driver.parseURL(settings.jdbcUrl(), new Properties());
        assertThat(parsed).as("pgjdbc parses %s", settings.jdbcUrl()).isNotNull();
        return parsed.getProperty("PGDBNAME", "");
    }
}
