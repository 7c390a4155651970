package crdb.workshop.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * Failures the embedded server cannot produce, because it trusts local users and has no TLS.
 * Everything the real server can produce is tested end to end in LessonRunnerBadInputTest; here
 * the driver's exception is built as pgjdbc builds it, to check only how we word it.
 */
class ConnectionErrorsTest {

    private static final ConnectionSettings CLOUD = DatabaseUrl.parse(
            "postgresql://maxroach:Hunter2-Zq7x9@free-tier.cockroachlabs.cloud:26257/defaultdb?sslmode=verify-full");

    @Test
    void wrongPasswordNamesTheUserButNotThePassword() {
        // What CockroachDB answers to a wrong password.
        PSQLException refused = new PSQLException("ERROR: password authentication failed for user maxroach",
                PSQLState.INVALID_PASSWORD);

        String message = ConnectionErrors.explain(refused, CLOUD).getMessage();

        assertThat(message).isEqualTo("The server refused user 'maxroach' (postgresql://maxroach:****@"
                + "free-tier.cockroachlabs.cloud:26257/defaultdb?sslmode=verify-full): wrong user name or password."
                + " Check the credentials in DATABASE_URL (CockroachDB Cloud: SQL Users page).");
    }

    @Test
    void missingCaCertificateSaysWhereToPutIt() {
        // pgjdbc's words when sslmode=verify-full has no sslrootcert and ~/.postgresql/root.crt is missing.
        PSQLException noCa = new PSQLException(
                "Could not open SSL root certificate file /home/me/.postgresql/root.crt.",
                PSQLState.CONNECTION_FAILURE, new FileNotFoundException("/home/me/.postgresql/root.crt"));

        String message = ConnectionErrors.explain(noCa, CLOUD).getMessage();

        assertThat(message).contains("needs the cluster's CA certificate")
                .contains("~/.postgresql/root.crt")
                .contains("sslrootcert=<file>")
                .doesNotContain("Hunter2");
    }
}
