package crdb.workshop.common.pool;

import crdb.workshop.common.SqlState;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import javax.net.ssl.SSLException;

/**
 * Names the real cause of a failed TLS connection: a server without TLS, a certificate the CA
 * file does not vouch for, a certificate for another host name, a CA file or client key pgjdbc
 * cannot read. Each needs a different fix, so "TLS failed" alone sends the learner the wrong way.
 */
final class TlsErrors {

    private TlsErrors() {
    }

    /** One line for {@code e} if it is a TLS failure, else null. */
    static String explain(SQLException e, Throwable cause, String where, String sslMode) {
        if (ConnectionErrors.mentions(e, "does not support SSL")) {
            return "The server at " + where + " does not support TLS, and sslmode=" + sslMode + " requires it."
                    + " For a node started with --insecure use sslmode=disable; otherwise turn TLS on at the server.";
        }
        if (ConnectionErrors.mentions(e, "SSL root certificate")) {
            // pgjdbc looks for ~/.postgresql/root.crt when sslrootcert is not given.
            return "TLS with " + where + " needs the cluster's CA certificate, and pgjdbc could not load one."
                    + " Download it (CockroachDB Cloud: Connect dialog) to ~/.postgresql/root.crt, or point"
                    + " sslrootcert=<file> in DATABASE_URL at it.";
        }
        if (ConnectionErrors.mentions(e, "hostname") && ConnectionErrors.mentions(e, "could not be verified")) {
            return "The server's TLS certificate does not name the host in " + where + " (sslmode=verify-full"
                    + " checks it). Connect by a name the certificate lists, or use sslmode=verify-ca.";
        }
        if (ConnectionErrors.mentions(e, "SSL certificate file") || ConnectionErrors.mentions(e, "SSL key file")) {
            return "pgjdbc could not read the client certificate or key for " + where + " (sslcert, sslkey; a key"
                    + " must be PKCS#8 DER, e.g. client.root.key.pk8). Check the files DATABASE_URL names.";
        }
        if (isCertificateProblem(e)) {
            return "The server's TLS certificate is not signed by the CA in sslrootcert (" + where + "). Point"
                    + " sslrootcert at the cluster's CA certificate (CockroachDB Cloud: Connect dialog).";
        }
        if (cause instanceof SSLException || "08004".equals(SqlState.of(e)) && ConnectionErrors.mentions(e, "SSL")) {
            return "TLS failed with " + where + " (" + cause.getClass().getSimpleName() + "). For a secure cluster"
                    + " use sslmode=verify-full with sslrootcert=<CA file>; for an --insecure node use sslmode=disable.";
        }
        return null;
    }

    private static boolean isCertificateProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof CertPathValidatorException
                    || t instanceof CertPathBuilderException
                    || t instanceof GeneralSecurityException && String.valueOf(t.getMessage()).contains("PKIX")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
