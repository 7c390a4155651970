package crdb.workshop.common.db;

import crdb.workshop.common.WorkshopException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.postgresql.PGProperty;

/**
 * Turns the connection string a user pastes into settings pgjdbc understands.
 *
 * <p>Accepted forms, all with optional {@code ?parameters}:
 * <ul>
 *   <li>{@code postgresql://user:password@host:26257/defaultdb?sslmode=verify-full&sslrootcert=...}
 *       (CockroachDB Cloud's "general connection string")
 *   <li>{@code postgres://...}, the same
 *   <li>{@code cockroachdb://...}, the SQLAlchemy form used by the Python tutorial
 *   <li>{@code jdbc:postgresql://host:port/db?user=...&password=...}
 * </ul>
 *
 * <p>User names and passwords may be percent-encoded. Every error message names what is wrong and
 * how to fix it, and shows the URL with its password masked.
 */
public final class DatabaseUrl {

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of(
            "postgresql", 5432, "postgres", 5432, "jdbc:postgresql", 5432,
            "cockroachdb", 26257, "cockroachdb+psycopg2", 26257);

    /** libpq spellings people paste, and the pgjdbc property each one means. */
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "application_name", PGProperty.APPLICATION_NAME.getName(),
            "connect_timeout", PGProperty.CONNECT_TIMEOUT.getName(),
            "target_session_attrs", PGProperty.TARGET_SERVER_TYPE.getName());

    private static final Set<String> SSL_MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private static final String EXAMPLE =
            "postgresql://user:password@host:26257/defaultdb?sslmode=verify-full";

    private DatabaseUrl() {
    }

    /** Parses {@code url}; throws a {@link WorkshopException} with a one-line fix on bad input. */
    public static ConnectionSettings parse(String url) {
        if (url == null || url.isBlank()) {
            throw new WorkshopException("DATABASE_URL is empty. Set it to a connection string such as "
                    + EXAMPLE + ", or unset it to use the embedded database.");
        }
        String trimmed = url.trim();
        int schemeEnd = trimmed.indexOf("://");
        if (schemeEnd <= 0) {
            throw new WorkshopException("DATABASE_URL is not a connection URL (" + mask(trimmed) + ")."
                    + " Use the form " + EXAMPLE + ".");
        }
        String scheme = trimmed.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        Integer defaultPort = DEFAULT_PORTS.get(scheme);
        if (defaultPort == null) {
            throw new WorkshopException("DATABASE_URL has the unknown scheme '" + scheme + "'."
                    + " Use postgresql://, postgres://, cockroachdb:// or jdbc:postgresql://.");
        }
        String rest = trimmed.substring(schemeEnd + 3);

        // Credentials first: a password may hold '/' or '?' that its owner forgot to encode.
        String userInfo = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        String query = "";
        int queryStart = rest.indexOf('?');
        if (queryStart >= 0) {
            query = rest.substring(queryStart + 1);
            rest = rest.substring(0, queryStart);
        }
        String path = "";
        int pathStart = rest.indexOf('/');
        if (pathStart >= 0) {
            path = rest.substring(pathStart + 1);
            rest = rest.substring(0, pathStart);
        }

        Properties props = new Properties();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String user = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
            props.setProperty("user", decode(user, "user name", trimmed));
            if (colon >= 0) {
                props.setProperty("password", decode(userInfo.substring(colon + 1), "password", trimmed));
            }
        }
        HostAndPort hostAndPort = HostAndPort.parse(rest, defaultPort, trimmed);
        String database = decode(path, "database name", trimmed);

        for (Map.Entry<String, String> param : parseQuery(query, trimmed).entrySet()) {
            props.setProperty(param.getKey(), param.getValue());
        }
        validateSsl(props, trimmed);

        String jdbcUrl = "jdbc:postgresql://" + hostAndPort + "/" + urlEncodePath(database);
        return new ConnectionSettings(jdbcUrl, props, display(scheme, props, hostAndPort, database));
    }

    /**
     * The URL with any password replaced by {@code ****}: safe to print, whatever its shape, even
     * without a scheme ({@code user:secret@host}) and for parameters such as sslpassword.
     */
    public static String mask(String url) {
        String masked = url;
        int schemeEnd = masked.indexOf("://");
        int userStart = schemeEnd >= 0 ? schemeEnd + 3 : 0;
        int at = masked.lastIndexOf('@');
        if (at > userStart) {
            int colon = masked.indexOf(':', userStart);
            if (colon >= 0 && colon < at) {
                masked = masked.substring(0, colon + 1) + "****" + masked.substring(at);
            }
        }
        return masked.replaceAll("(?i)([?&][^=&]*password=)[^&]*", "$1****");
    }

    private static Map<String, String> parseQuery(String query, String url) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq >= 0 ? pair.substring(0, eq) : pair, "parameter name", url);
            String value = eq >= 0 ? decode(pair.substring(eq + 1), "value of " + name, url) : "";
            String pgjdbcName = LIBPQ_TO_PGJDBC.getOrDefault(name, name);
            if (PGProperty.forName(pgjdbcName) == null) {
                throw new WorkshopException("DATABASE_URL has the parameter '" + name
                        + "', which pgjdbc does not understand. Remove it, or use pgjdbc's name for it"
                        + " (for example sslmode, sslrootcert, options, application_name).");
            }
            params.put(pgjdbcName, value);
        }
        return params;
    }

    private static void validateSsl(Properties props, String url) {
        String sslMode = props.getProperty("sslmode");
        if (sslMode != null && !SSL_MODES.contains(sslMode)) {
            throw new WorkshopException("DATABASE_URL has sslmode=" + sslMode + ", which is not an SSL mode."
                    + " Use one of: disable, require, verify-ca, verify-full.");
        }
        String rootCert = props.getProperty("sslrootcert");
        if (rootCert != null && !rootCert.isEmpty() && !isReadableFile(rootCert)) {
            throw new WorkshopException("DATABASE_URL names sslrootcert=" + rootCert
                    + ", but no readable file is there. Download the cluster's CA certificate"
                    + " (CockroachDB Cloud: Connect dialog, 'Download CA Cert') or fix the path.");
        }
    }

    private static boolean isReadableFile(String path) {
        try {
            return Files.isReadable(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String display(String scheme, Properties props, HostAndPort hostAndPort, String database) {
        StringBuilder shown = new StringBuilder(scheme).append("://");
        if (props.containsKey("user")) {
            shown.append(props.getProperty("user"));
            if (props.containsKey("password")) {
                shown.append(":****");
            }
            shown.append('@');
        }
        shown.append(hostAndPort).append('/').append(database);
        String sslMode = props.getProperty("sslmode");
        if (sslMode != null) {
            shown.append("?sslmode=").append(sslMode);
        }
        return shown.toString();
    }

    private static String decode(String text, String what, String url) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new WorkshopException("DATABASE_URL has a badly percent-encoded " + what + " ("
                    + mask(url) + "). Encode special characters as %XX, for example @ as %40.");
        }
    }

    /** pgjdbc percent-decodes the database name (and reads '+' as a space), so encode what it would change. */
    private static String urlEncodePath(String database) {
        return database.replace("%", "%25").replace("+", "%2B").replace("?", "%3F").replace("/", "%2F");
    }

    /** Host and port, with IPv6 literals in brackets. */
    private record HostAndPort(String host, int port) {

        static HostAndPort parse(String text, int defaultPort, String url) {
            String host = text;
            String port = null;
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                if (close < 0) {
                    throw new WorkshopException("DATABASE_URL has an IPv6 host without its closing ']' ("
                            + mask(url) + "). Write it as [::1]:26257.");
                }
                host = text.substring(0, close + 1);
                if (text.length() > close + 1 && text.charAt(close + 1) == ':') {
                    port = text.substring(close + 2);
                }
            } else if (text.contains(":")) {
                host = text.substring(0, text.indexOf(':'));
                port = text.substring(text.indexOf(':') + 1);
            }
            if (host.isEmpty()) {
                throw new WorkshopException("DATABASE_URL has no host (" + mask(url)
                        + "). Put the server's address after the '@', as in " + EXAMPLE + ".");
            }
            if (port == null || port.isEmpty()) {
                return new HostAndPort(host, defaultPort);
            }
            try {
                int number = Integer.parseInt(port);
                if (number < 1 || number > 65535) {
                    throw new NumberFormatException();
                }
                return new HostAndPort(host, number);
            } catch (NumberFormatException e) {
                throw new WorkshopException("DATABASE_URL has the port '" + port + "', which is not a port number ("
                        + mask(url) + "). CockroachDB listens on 26257 unless told otherwise.");
            }
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
