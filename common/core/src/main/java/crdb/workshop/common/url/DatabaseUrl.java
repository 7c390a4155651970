package crdb.workshop.common.url;

import crdb.workshop.common.LibraryLogging;
import crdb.workshop.common.WorkshopException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * Turns the connection string a user pastes into settings pgjdbc understands.
 *
 * <p>Accepted forms, all with optional {@code ?parameters}:
 * <ul>
 *   <li>{@code postgresql://user:password@host:26257/defaultdb?sslmode=verify-full&sslrootcert=...}
 *       (CockroachDB Cloud's "general connection string")
 *   <li>{@code postgresql://user:password@host1:26257,host2:26257/defaultdb}: several nodes; pgjdbc
 *       tries them in order (or at random with {@code load_balance_hosts=random})
 *   <li>{@code postgres://...}, the same
 *   <li>{@code cockroachdb://...}, the SQLAlchemy form used by the Python tutorial
 *   <li>{@code jdbc:postgresql://host:port/db?user=...&password=...}
 * </ul>
 *
 * <p>The URL is read as RFC 3986 reads it: the authority (user info and hosts) ends at the first
 * '/', '?' or '#', and the user info at the last '@' of the authority, so an '@' in a parameter
 * value never moves the connection to another host. Our code reads the scheme and the user info,
 * which pgjdbc does not take; pgjdbc's own {@link Driver#parseURL} reads the rest, then
 * {@link ParameterPolicy} decides which parameters may pass. Messages never show the password,
 * and show other input only cut short.
 */
public final class DatabaseUrl {

    static final String EXAMPLE = "postgresql://user:password@host:26257/defaultdb?sslmode=verify-full";

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of(
            "postgresql", 5432, "postgres", 5432, "jdbc:postgresql", 5432,
            "cockroachdb", 26257, "cockroachdb+psycopg2", 26257);

    /** A password key in any spelling and separator form: password=, sslpassword=, PGPASSWORD=, pwd=. */
    static final Pattern SECRET_KEY = Pattern.compile("(?i)(pass(word)?|pwd)\\s*(=|%3d)");

    /** Far longer than any real connection string; longer input is a paste gone wrong. */
    private static final int MAX_LENGTH = 4096;

    static {
        // Before pgjdbc parses anything: it logs a URL it dislikes at WARNING.
        LibraryLogging.install();
    }

    private DatabaseUrl() {
    }

    /** Parses {@code url}; throws a {@link WorkshopException} with a one-line fix on bad input. */
    public static ConnectionSettings parse(String url) {
        if (url == null || url.isBlank()) {
            throw new WorkshopException("DATABASE_URL is empty. Set it to a connection string such as "
                    + EXAMPLE + ", or unset it to use the embedded database.");
        }
        String text = url.strip();
        if (text.length() > MAX_LENGTH) {
            throw new WorkshopException("DATABASE_URL is " + text.length() + " characters long; a connection URL"
                    + " is far shorter. Check what was pasted into it.");
        }
        if (!text.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new WorkshopException("DATABASE_URL holds a space, a control character or a non-ASCII"
                    + " character. Percent-encode it (a space as %20), or check what was pasted.");
        }
        int schemeEnd = text.indexOf("://");
        String scheme = schemeEnd > 0 ? text.substring(0, schemeEnd).toLowerCase(Locale.ROOT) : "";
        if (schemeEnd <= 0 || !scheme.matches("[a-z][a-z0-9+.:-]*")) {
            throw new WorkshopException("DATABASE_URL is not a connection URL. Use the form " + EXAMPLE + ".");
        }
        Integer defaultPort = DEFAULT_PORTS.get(scheme);
        if (defaultPort == null) {
            // A ':' in it ("maxroach:secret://...") may come before a password: not shown then.
            throw new WorkshopException("DATABASE_URL has the unknown scheme "
                    + (scheme.indexOf(':') >= 0 ? "(not shown)"
                            : scheme.length() <= 20 ? "'" + scheme + "'" : InputText.quote(scheme))
                    + ". Use postgresql://, postgres://, cockroachdb:// or jdbc:postgresql://.");
        }
        String rest = text.substring(schemeEnd + 3);
        if (rest.indexOf('#') >= 0) {
            throw new WorkshopException("DATABASE_URL holds a '#', which ends a URL's useful part. If the password"
                    + " holds one, percent-encode it as %23.");
        }
        int authorityEnd = firstOf(rest, "/?");
        String authority = rest.substring(0, authorityEnd);
        String afterAuthority = rest.substring(authorityEnd);

        Properties props = new Properties();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            readUserInfo(authority.substring(0, at), props);
        }
        // Without an '@', "user:secret/db" would read as host 'user', port 'secret': quote nothing then,
        // except in the JDBC form, which carries credentials in the query, not in the authority.
        // An '@' after the authority means the password held an unencoded '/' or '?': what reads as the host
        // list ("user:p@ss:wo/rd@host") is then part of the password, so quote nothing from it either.
        String hostText = authority.substring(at + 1);
        boolean showable = afterAuthority.indexOf('@') < 0 && (at >= 0
                || scheme.equals("jdbc:postgresql") && hostText.matches("[^:\\[]*(:[0-9]*)?(,[^:\\[]*(:[0-9]*)?)*"));
        HostList hosts = HostList.parse(hostText, defaultPort, showable);

        int queryStart = afterAuthority.indexOf('?');
        String path = queryStart < 0 ? afterAuthority : afterAuthority.substring(0, queryStart);
        String query = queryStart < 0 ? "" : afterAuthority.substring(queryStart + 1);
        String database = readPathAndQuery(hosts, path, query, props);
        StartupValues.check(props, database);
        if (!props.containsKey("password")) {
            PasswordFile.check();
        }
        ParameterPolicy.checkDefaultFiles(props);

        String jdbcUrl = "jdbc:postgresql://" + hosts + "/" + encodePath(database);
        return new ConnectionSettings(jdbcUrl, props, display(scheme, props, hosts, database));
    }

    /**
     * What to print instead of a command-line argument that looks like a connection URL: a known
     * scheme only, because anything else in it may hold a password.
     */
    public static String maskArgument(String argument) {
        int schemeEnd = argument.indexOf("://");
        if (schemeEnd > 0 && DEFAULT_PORTS.containsKey(argument.substring(0, schemeEnd).toLowerCase(Locale.ROOT))) {
            return argument.substring(0, schemeEnd) + "://****";
        }
        return looksLikeUrl(argument) ? "****" : InputText.quote(argument);
    }

    /**
     * A connection string, safe to print whatever its shape: {@link #maskArgument}'s form. (Kept
     * under its old name for callers; the parser's own messages never quote the URL.)
     */
    public static String mask(String url) {
        return maskArgument(url);
    }

    /** Whether a command-line argument might be a connection string (and so hold a password). */
    public static boolean looksLikeUrl(String argument) {
        return argument.contains("://") || argument.contains("@") || argument.contains("password");
    }

    private static void readUserInfo(String userInfo, Properties props) {
        int colon = userInfo.indexOf(':');
        String user = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
        if (user.contains("%3A") || user.contains("%3a")) {
            // "user%3Apassword@host": the colon was encoded, and what follows it is the password.
            throw new WorkshopException("DATABASE_URL has an encoded ':' (%3A) in the user name (not shown). The ':'"
                    + " between user and password must stay a plain ':' (postgresql://user:password@host); encode"
                    + " only the special characters inside the password (@ : / ? # % as %40 %3A %2F %3F %23 %25).");
        }
        if (!user.isEmpty()) {
            props.setProperty("user", decode(user, "user name"));
        }
        if (colon >= 0) {
            props.setProperty("password", decode(userInfo.substring(colon + 1), "password"));
        }
    }

    /**
     * Reads the database name and the parameters through pgjdbc's parser. Secrets are taken out
     * first, so that pgjdbc, which logs the URL when it dislikes one, never sees them.
     */
    private static String readPathAndQuery(HostList hosts, String path, String query, Properties props) {
        if (path.indexOf('@') >= 0 || path.indexOf('/', 1) >= 0) {
            throw new WorkshopException("DATABASE_URL has " + (path.indexOf('@') >= 0 ? "an '@'" : "a '/'")
                    + " after the host, in the database name. If the password holds '/', '?' or '#', percent-encode"
                    + " them (%2F, %3F, %23); a database name holding '/' or '@' too (%2F, %40).");
        }
        if (path.indexOf('&') >= 0 || path.indexOf('=') >= 0 || path.indexOf(';') >= 0) {
            // ".../db&password=..." (a forgotten '?') or pgjdbc's old ".../db;password=...": the rest may be a secret.
            throw new WorkshopException("DATABASE_URL has '&', '=' or ';' in the database name (not shown): is the"
                    + " '?' before the parameters missing? Write .../defaultdb?sslmode=verify-full&password=..., with"
                    + " '?' first and '&' between parameters; inside a password, percent-encode them (%26 %3D %3B).");
        }
        List<String> passOn = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (name.indexOf('@') >= 0) {
                throw new WorkshopException("DATABASE_URL has an '@' after the host, in a parameter name. If the"
                        + " password holds '/', '?' or '#', percent-encode them (%2F, %3F, %23).");
            }
            if (!InputText.isPlainWord(name)) {
                throw new WorkshopException("DATABASE_URL has a parameter whose name is "
                        + (name.indexOf('%') >= 0 ? "percent-encoded" : "not a plain word")
                        + " (not shown). Write parameter names as they are, such as sslmode or application_name.");
            }
            ParameterPolicy.refuseByName(name);
            if (!seen.add(ParameterPolicy.pgjdbcName(name))) {
                throw new WorkshopException("DATABASE_URL names the parameter " + name + " twice. Keep one.");
            }
            if (ParameterPolicy.SECRET.contains(name)) {
                props.setProperty(name, decode(eq < 0 ? "" : pair.substring(eq + 1), name));
            } else if (SECRET_KEY.matcher(pair.substring(eq + 1)).find()) {
                // "?user=u;password=..." or "?sslmode=require?password=...": a secret hides in another's value.
                throw new WorkshopException("DATABASE_URL has a password key inside the value of " + name
                        + " (not shown): separate parameters with '&' (not ';' or a second '?'), as in"
                        + " ?user=maxroach&password=...; inside a password, percent-encode '&' '=' ';' '?'.");
            } else {
                // RFC 3986 reads '+' as a plus (libpq does too); pgjdbc's decoder would make it a space.
                passOn.add(pair.replace("+", "%2B"));
            }
        }
        String forPgjdbc = "jdbc:postgresql://" + hosts + "/" + path.replaceFirst("^/", "").replace("+", "%2B")
                + (passOn.isEmpty() ? "" : "?" + String.join("&", passOn));
        Properties parsed;
        // With no password, pgjdbc reads .pgpass while it parses, outside every timeout: an empty one stops that.
        Properties noPasswordFile = new Properties();
        noPasswordFile.setProperty("password", "");
        try {
            parsed = Driver.parseURL(forPgjdbc, noPasswordFile);
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null) {
            throw new WorkshopException("DATABASE_URL has a database name or parameter pgjdbc could not read (a"
                    + " badly percent-encoded one?). Check it against the form " + EXAMPLE + ".");
        }
        for (String name : parsed.stringPropertyNames()) {
            if (!Set.of("PGHOST", "PGPORT", "PGDBNAME").contains(name) && !ParameterPolicy.SECRET.contains(name)) {
                props.setProperty(ParameterPolicy.pgjdbcName(name),
                        ParameterPolicy.check(name, parsed.getProperty(name)));
            }
        }
        for (String name : ParameterPolicy.SECRET) {
            if (props.containsKey(name)) {
                ParameterPolicy.check(name, props.getProperty(name));
            }
        }
        return parsed.getProperty("PGDBNAME", "");
    }

    private static String display(String scheme, Properties props, HostList hosts, String database) {
        StringBuilder shown = new StringBuilder(scheme).append("://");
        if (props.containsKey("user")) {
            String user = props.getProperty("user");
            shown.append(user.length() > InputText.SHOWN ? user.substring(0, InputText.SHOWN) + "..." : user);
            if (props.containsKey("password")) {
                shown.append(":****");
            }
            shown.append('@');
        }
        shown.append(hosts).append('/').append(database);
        String sslMode = props.getProperty("sslmode");
        if (sslMode != null) {
            shown.append("?sslmode=").append(sslMode);
        }
        return shown.toString();
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static String decode(String text, String what) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // Not wrapped: the decoder's message quotes the text, and the text may be the password.
            throw new WorkshopException("DATABASE_URL has a badly percent-encoded " + what
                    + " (not shown). Encode special characters as %XX, for example @ as %40.");
        }
    }

    /** pgjdbc percent-decodes the database name (and reads '+' as a space), so encode what it would change. */
    private static String encodePath(String database) {
        return database.replace("%", "%25").replace("+", "%2B").replace("?", "%3F").replace("/", "%2F");
    }
}
