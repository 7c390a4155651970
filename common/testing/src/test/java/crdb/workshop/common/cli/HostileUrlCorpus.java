package crdb.workshop.common.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Malformed and hostile DATABASE_URLs, each with a password no other text holds, and a piece of
 * the one line it must be refused with. None reaches a real server: the few that get past the
 * parser point at a closed port on loopback.
 */
final class HostileUrlCorpus {

    /** In every URL; must appear in no output. Also percent-encoded: see ENCODED. */
    static final String SECRET = "Hunter2Zq7x9";
    /** "p@ss/Zq7x9" percent-encoded; "Zq7x9" is the part no output may hold. */
    static final String ENCODED = "p%40ss%2FZq7x9";
    static final String TELLTALE = "Zq7x9";

    /** One URL: its category, the URL, and a piece of the line that refuses it. */
    record Case(String category, String url, String says) {
        @Override
        public String toString() {
            return category + ": " + (url.length() > 90 ? url.substring(0, 90) + "..." : url);
        }
    }

    private HostileUrlCorpus() {
    }

    static List<Case> cases() {
        int closed = closedPort();
        String user = "postgresql://maxroach:" + SECRET + "@";
        String local = user + "localhost:26257/defaultdb?";
        String jdbc = "jdbc:postgresql://localhost:26257/defaultdb?user=maxroach&password=" + SECRET + "&";
        List<Case> cases = new ArrayList<>();

        // The '@' between password and host missing or misplaced: the password must not be echoed as a host or port.
        add(cases, "missing @", "postgresql://maxroach:" + SECRET + "localhost:26257/defaultdb", "not shown");
        add(cases, "missing @", "postgresql://maxroach:" + SECRET + "/defaultdb", "not shown");
        add(cases, "missing @", "postgresql://maxroach:" + SECRET, "not shown");
        add(cases, "missing @", "postgresql://maxroach:" + SECRET + "?sslmode=disable", "not shown");
        add(cases, "missing @", "postgresql://maxroach:" + ENCODED + "localhost/defaultdb", "not shown");
        add(cases, "unencoded / ? # in password", "postgresql://maxroach:Hu/" + SECRET + "@localhost/defaultdb",
                "not shown");
        add(cases, "unencoded / ? # in password", "postgresql://maxroach:Hu?" + SECRET + "@localhost/defaultdb",
                "not shown");
        add(cases, "unencoded / ? # in password", "postgresql://maxroach:Hu#" + SECRET + "@localhost/defaultdb",
                "'#'");
        add(cases, "unencoded / ? # in password", "postgresql://maxroach:" + SECRET + "/x@localhost/defaultdb",
                "not shown");
        add(cases, "@ after the authority", local.replace("/defaultdb?", "/defaultdb@evil.example"),
                "an '@' after the host");
        add(cases, "@ after the authority", "postgresql://maxroach@localhost/defaultdb?" + SECRET + "@x=1",
                "an '@' after the host");
        add(cases, "no host", user, "has no host");
        add(cases, "no host", user + "/defaultdb", "has no host");
        add(cases, "no host", user + ":26257/defaultdb", "has no host");

        // '@' inside a query value: must still go to the authority's host (a closed port here).
        add(cases, "@ in a query value", user + "127.0.0.1:" + closed + "/defaultdb?application_name=me@127.0.0.1:5599",
                "connection refused");
        add(cases, "@ in a query value", user + "127.0.0.1:" + closed
                + "/defaultdb?options=-c%20application_name%3Dme@127.0.0.1", "connection refused");
        add(cases, "@ in the password", "postgresql://maxroach:" + SECRET + "@@127.0.0.1:" + closed + "/defaultdb",
                "connection refused");

        // Parameters that load a class, read or write a file, or would move the connection.
        for (String param : List.of("socketFactory=javax.net.DefaultSocketFactory", "socketFactoryArg=x",
                "sslfactory=org.postgresql.ssl.NonValidatingFactory", "sslfactoryarg=/etc/passwd",
                "sslhostnameverifier=org.example.Yes", "sslpasswordcallback=org.example.Callback",
                "authenticationPluginClassName=org.example.Plugin", "sspiServiceClass=x", "loggerFile=/tmp/pg.log",
                "loggerLevel=TRACE", "service=mydb", "jaasLogin=true", "SocketFactory=x", "SSLFACTORY=x",
                "PGHOST=127.0.0.1", "PGPORT=5599", "host=evil.example", "PGDBNAME=other")) {
            add(cases, "refused parameter", local + param, param.substring(0, param.indexOf('=')));
        }
        add(cases, "refused parameter", local + "sslmode=verify-full&sslfactory=org.postgresql.ssl.NonValidatingFactory",
                "certificate checks off");
        add(cases, "refused parameter", jdbc + "sslfactory=org.postgresql.ssl.NonValidatingFactory", "sslfactory");
        add(cases, "percent-encoded parameter name", local + "sock%65tFactory=x", "percent-encoded");
        add(cases, "percent-encoded parameter name",
                "jdbc:postgresql://localhost/defaultdb?user=maxroach&pass%77ord=" + SECRET, "percent-encoded");
        add(cases, "percent-encoded parameter name", local + "ssl%6Dode=disable", "percent-encoded");

        // options that would change the isolation the lessons rely on, or hold something else.
        add(cases, "isolation in options", local + "options=-c%20default_transaction_isolation%3Dread%20committed",
                "default_transaction_isolation");
        add(cases, "isolation in options", local + "options=-cdefault_transaction_isolation%3Dread%20uncommitted",
                "default_transaction_isolation");
        add(cases, "isolation in options", local + "options=--default-transaction-isolation%3Dread%20committed",
                "default_transaction_isolation");
        add(cases, "isolation in options", local + "options=-c%20transaction_isolation%3Dread%20committed",
                "transaction_isolation");
        add(cases, "isolation in options", local + "options=-c%20statement_timeout%3D5s%20-c%20"
                + "default_transaction_isolation%3Dserializable", "default_transaction_isolation");
        add(cases, "other options", local + "options=-c%20session_replication_role%3Dreplica",
                "session_replication_role");
        add(cases, "other options", local + "options=junk", "-c name=value");
        add(cases, "other options", local + "options=-c%20statement_timeout", "without '=value'");

        // Hosts and ports: every junk refused, long ones cut.
        add(cases, "bad host", user + "[::1]x5434/defaultdb", "something other than ':port'");
        add(cases, "bad host", user + "[::1/defaultdb", "closing ']'");
        add(cases, "bad host", user + "[zz::1]:5432/defaultdb", "not an IPv6 address");
        add(cases, "bad host", user + "h".repeat(3000) + ":26257/defaultdb", "(3000 characters)");
        add(cases, "bad host", user + "local%68ost/defaultdb", "not a host name");
        add(cases, "bad host", user + "localhost,/defaultdb", "empty host in its list");
        add(cases, "bad host", user + ",localhost/defaultdb", "empty host");
        add(cases, "bad host", user + "h1:26257,,h2/defaultdb", "empty host");
        add(cases, "bad host", user + "local host/defaultdb", "a space");
        add(cases, "bad host", user + "localhost:26257\n/defaultdb", "control character");
        for (String port : List.of("0", "65536", "-1", "+5432", "5432x", "", "99999999999")) {
            add(cases, "bad port", user + "localhost:" + port + "/defaultdb", "port");
        }
        add(cases, "bad port", user + "h1:26257,h2:x/defaultdb", "port 'x'");

        // Schemes and shapes that are not connection URLs.
        add(cases, "not a URL", "mysql://maxroach:" + SECRET + "@localhost/bank", "unknown scheme 'mysql'");
        add(cases, "not a URL", "http://maxroach:" + SECRET + "@localhost/bank", "unknown scheme 'http'");
        add(cases, "not a URL", "postgresql:/maxroach:" + SECRET + "@localhost/defaultdb", "not a connection URL");
        add(cases, "not a URL", "maxroach:" + SECRET + "@localhost:26257/defaultdb", "not a connection URL");
        add(cases, "not a URL", "jdbc:postgresql:defaultdb?password=" + SECRET, "not a connection URL");
        add(cases, "not a URL", "   ", "DATABASE_URL is empty");
        add(cases, "not a URL", user + "localhost/" + "d".repeat(5000), "characters long");

        // Parameter values and duplicates.
        add(cases, "bad parameter", local + "ssl_mode=require", "'ssl_mode', which pgjdbc does not understand");
        add(cases, "bad parameter", local + "sslmode=disable&sslmode=verify-full", "twice");
        add(cases, "bad parameter", local + "ApplicationName=a&application_name=b", "twice");
        add(cases, "bad parameter", jdbc + "password=" + SECRET, "twice");
        add(cases, "bad parameter", local + "sslmode=on", "not an SSL mode");
        add(cases, "bad parameter", local + "target_session_attrs=read-mostly", "not a server type");
        add(cases, "bad parameter", local + "targetServerType=master2", "not a server type");
        add(cases, "bad parameter", local + "connect_timeout=0", "waiting forever");
        add(cases, "bad parameter", local + "connect_timeout=abc", "seconds");
        add(cases, "bad parameter", local + "socketTimeout=-5", "seconds");
        add(cases, "bad parameter", local + "sslrootcert=/no/such/dir/root.crt", "no readable file");
        add(cases, "bad parameter", local + "sslcert=/no/such/dir/client.crt", "no readable file");
        add(cases, "bad parameter", local + "load_balance_hosts=yes", "random or disable");
        add(cases, "bad parameter", local + "reWriteBatchedInserts=maybe", "true or false");
        add(cases, "bad parameter", local + "currentSchema=Public%3BDROP", "schema name");
        add(cases, "bad parameter", local + "application_name=x&=y", "not a plain word");
        add(cases, "bad parameter", local + "applicationName=x", "'applicationName'");
        add(cases, "bad encoding", "postgresql://maxroach:" + SECRET + "%zz@localhost/defaultdb",
                "badly percent-encoded password");
        add(cases, "bad encoding", "postgresql://maxroach:" + ENCODED + "%zz@localhost/defaultdb",
                "badly percent-encoded password");
        add(cases, "bad encoding", "jdbc:postgresql://localhost/defaultdb?user=maxroach&password=" + SECRET + "%zz",
                "badly percent-encoded password");
        add(cases, "bad encoding", local.replace("defaultdb?", "d%zzb?"), "could not read");
        add(cases, "secret with another mistake", "jdbc:postgresql://localhost/defaultdb?sslpassword=" + SECRET
                + "&sslmode=verify", "not an SSL mode");
        add(cases, "secret with another mistake", "jdbc:postgresql://localhost:99999/defaultdb?user=maxroach&password="
                + SECRET, "port '99999'");
        secretsAfterAMistake(cases, closed);
        controlCharacters(cases);
        return cases;
    }

    /**
     * Issue 19, item 2: plausible mistakes after which no text that may be part of the password is
     * quoted: an encoded user/password colon, a forgotten '?', pgjdbc's ';' form, a password whose
     * unencoded '@' and '/' leave a piece of it where the port goes.
     */
    private static void secretsAfterAMistake(List<Case> cases, int closed) {
        String host = "localhost:26257";
        String category = "secret after a mistake";
        add(cases, category, "postgresql://maxroach%3A" + SECRET + "@" + host + "/defaultdb", "encoded ':' (%3A)");
        add(cases, category, "postgresql://maxroach%3a" + SECRET + "@" + host + "/defaultdb", "encoded ':' (%3A)");
        add(cases, category, "postgresql://maxroach%3A" + SECRET + "/defaultdb", "not shown");
        add(cases, category, "jdbc:postgresql://maxroach%3A" + SECRET + "@" + host + "/defaultdb", "encoded ':'");
        add(cases, category, "postgresql://maxroach@" + host + "/defaultdb&password=" + SECRET, "'?' before");
        add(cases, category, "postgresql://maxroach@" + host + "/defaultdb&sslpassword=" + SECRET, "'?' before");
        add(cases, category, "postgresql://maxroach@" + host + "/defaultdb&sslmode=require&password=" + SECRET,
                "'?' before");
        add(cases, category, "jdbc:postgresql://" + host + "/defaultdb;user=maxroach;password=" + SECRET, "'?' before");
        add(cases, category, "jdbc:postgresql://" + host + "/defaultdb?user=maxroach;password=" + SECRET,
                "password key inside the value of user");
        add(cases, category, "postgresql://maxroach@" + host + "/defaultdb?sslmode=require?password=" + SECRET,
                "password key inside the value of sslmode");
        add(cases, category, "postgresql://maxroach@" + host + "/defaultdb?application_name=x;Password=" + SECRET,
                "password key inside the value");
        add(cases, category, "postgresql://maxroach@" + host + "/defaultdb?sslmode=require%3Bpassword%3D" + SECRET,
                "password key inside the value");
        add(cases, category, "postgresql://maxroach:p@ss:" + SECRET + "/x@" + host + "/defaultdb", "not shown");
        add(cases, category, "postgresql://maxroach:p@ss:9" + SECRET + "?x@" + host + "/defaultdb", "not shown");
        add(cases, category, "postgresql://maxroach:p@ss:6" + SECRET.replaceAll("[^0-9]", "") + "/x" + TELLTALE
                + "@" + host + "/defaultdb", "an '@' after the host");
        add(cases, category, "jdbc:postgresql://maxroach:" + SECRET + "/defaultdb", "not shown");
        add(cases, category, "postgresql://maxroach@" + host + "/defaultdb%26password%3D" + SECRET, "database name");
        add(cases, category, "postgresql://maxroach:" + SECRET + "@127.0.0.1:" + closed + "/defaultdb?sslmode=verify",
                "not an SSL mode");
        add(cases, category, "jdbc:postgresql://" + host + "/defaultdb?user=maxroach%3A" + SECRET, "user name");
        add(cases, category, "postgresql://maxroach@" + host + "/defaultdb?sslrootcert=/tmp/password=" + SECRET,
                "password key inside the value");
        add(cases, category, "postgresql://maxroach@" + host + "/defaultdb?application_name=x;pass%77ord%3D" + SECRET,
                "password key inside the value of ApplicationName");
        add(cases, category, "maxroach:" + SECRET + "://" + host + "/defaultdb",
                "unknown scheme (not shown)");
    }

    /**
     * Issue 19, item 4: control and invisible characters in every part of the URL. Each is refused,
     * and no output holds one raw (HostileUrlTest checks every character printed).
     */
    private static void controlCharacters(List<Case> cases) {
        String category = "control character";
        String host = "localhost:26257";
        String title = "%1B]0;pwned%07%1B[2J";
        add(cases, category, "postgresql://max" + title + "roach:" + SECRET + "@" + host + "/defaultdb", "user name");
        add(cases, category, "postgresql://maxroach:" + SECRET + "@" + host + "/default%0Ddb", "database name");
        add(cases, category, "postgresql://maxroach:" + SECRET + "@" + host + "/default%0Adb", "database name");
        add(cases, category, "postgresql://maxroach:" + SECRET + "@" + host + "/default%1B[2Jdb", "database name");
        add(cases, category, "postgresql://maxroach:" + SECRET + "@" + host + "/default%07db", "database name");
        add(cases, category, "postgresql://maxroach:" + SECRET + "@" + host + "/default%C2%9Bdb", "database name");
        add(cases, category, "postgresql://maxroach:" + SECRET + "@" + host + "/default%E2%80%AEbd", "database name");
        add(cases, category, "postgresql://maxroach:" + SECRET + "%0A@" + host + "/defaultdb", "in the password");
        add(cases, category, "postgresql://maxroach:" + SECRET + "@" + host + "/defaultdb?application_name=a%1B[31m",
                "parameter ApplicationName");
        add(cases, category, "postgresql://maxroach:" + SECRET + "@" + host + "/defaultdb?sslmode=require%0D",
                "sslmode");
        add(cases, category, "postgresql://maxroach:" + SECRET + "@" + host
                + "/defaultdb?options=-c%20timezone%3DU%07TC", "parameter options");
        add(cases, category, "jdbc:postgresql://" + host + "/defaultdb?user=max%E2%81%A6roach&password=" + SECRET,
                "user name");
        add(cases, category, "postgresql://maxroach:" + SECRET + "@" + host + "/defaultdb?sslrootcert=/tmp/a%1B[2Jb",
                "sslrootcert");
        add(cases, category, "cockroachdb://maxroach:" + SECRET + "@" + host + "/default%E2%80%A8db", "database name");
    }

    private static void add(List<Case> cases, String category, String url, String says) {
        cases.add(new Case(category, url, says));
    }

    /** A port nothing listens on: the system picks a free one, and we close it again. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
