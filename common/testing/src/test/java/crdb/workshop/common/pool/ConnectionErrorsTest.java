package crdb.workshop.common.pool;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.url.ConnectionSettings;
import crdb.workshop.common.url.DatabaseUrl;
import java.io.FileNotFoundException;
import java.security.cert.CertPathBuilderException;
import java.sql.SQLException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
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
    void endedConnectionSaysItWasEndedNotThatTheServerIsShuttingDown() {
        // pgjdbc's exception for a backend ended by pg_terminate_backend (or CockroachDB's CANCEL SESSION).
        SQLException ended = new SQLException("FATAL: terminating connection due to administrator command",
                "57P01");

        String message = ConnectionErrors.explain(ended, CLOUD).getMessage();

        assertThat(message).contains("ended the connection").contains("57P01").doesNotContain("shutting down");
    }

    @Test
    void serverThatCannotTakeConnectionsNowIsSaidToBeStartingOrStopping() {
        SQLException notNow = new SQLException("FATAL: the database system is starting up", "57P03");

        String message = ConnectionErrors.explain(notNow, CLOUD).getMessage();

        assertThat(message).contains("shutting down or starting up").contains("57P03");
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

    @Test
    void serverWithoutTlsIsNamedAsTheCause() {
        // pgjdbc's words when sslmode asks for TLS and the server answers 'N' to the SSLRequest.
        PSQLException noTls = new PSQLException("The server does not support SSL.", PSQLState.CONNECTION_REJECTED);

        String message = ConnectionErrors.explain(noTls, CLOUD).getMessage();

        assertThat(message).contains("does not support TLS, and sslmode=verify-full requires it")
                .contains("use sslmode=disable").doesNotContain("sslrootcert");
    }

    @Test
    void certificateNotSignedByTheCaIsNamedAsTheCause() {
        // What pgjdbc wraps when the server's chain does not lead to the CA in sslrootcert.
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new CertPathBuilderException("unable to find valid certification path"));
        PSQLException failed = new PSQLException("SSL error: PKIX path building failed",
                PSQLState.CONNECTION_FAILURE, handshake);

        String message = ConnectionErrors.explain(failed, CLOUD).getMessage();

        assertThat(message).contains("not signed by the CA in sslrootcert");
    }

    @Test
    void certificateForAnotherHostIsNamedAsTheCause() {
        PSQLException mismatch = new PSQLException("The hostname free-tier.cockroachlabs.cloud could not be verified"
                + " by hostnameverifier PgjdbcHostnameVerifier.", PSQLState.CONNECTION_FAILURE);

        String message = ConnectionErrors.explain(mismatch, CLOUD).getMessage();

        assertThat(message).contains("does not name the host").contains("sslmode=verify-ca");
    }

    @Test
    void serverThatRequiresTlsIsNamedAsTheCause() {
        // PostgreSQL's answer when pg_hba.conf has only hostssl lines and the client sent no TLS.
        PSQLException refused = new PSQLException("FATAL: no pg_hba.conf entry for host \"10.0.0.1\", user"
                + " \"maxroach\", database \"defaultdb\", no encryption", PSQLState.INVALID_AUTHORIZATION_SPECIFICATION);

        String message = ConnectionErrors.explain(refused, CLOUD).getMessage();

        assertThat(message).contains("accepts only TLS connections").doesNotContain("wrong user name");
    }

    @Test
    void serverThatStoppedAnsweringSaysHowLongWeWaited() {
        PSQLException timedOut = new PSQLException("Connection attempt timed out.", PSQLState.CONNECTION_UNABLE_TO_CONNECT);

        String message = ConnectionErrors.explain(timedOut, CLOUD, Duration.ofSeconds(12)).getMessage();

        assertThat(message).contains("after 12 s").contains("WORKSHOP_GIVE_UP_SECONDS");
    }
}
