package crdb.workshop.common.url;

import crdb.workshop.common.WorkshopException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.postgresql.PGProperty;
import org.postgresql.hostchooser.HostRequirement;

/**
 * Which URL parameters reach pgjdbc. An allow-list, because pgjdbc also accepts parameters that
 * load a class by name, write a file, or switch certificate checks off, and a URL is text anyone
 * can hand a learner. Each allowed parameter's value is checked (and libpq's spelling converted)
 * here, so a mistake fails with one line before any connection is tried.
 */
final class ParameterPolicy {

    /** libpq spellings people paste, and pgjdbc's name for each. */
    private static final Map<String, String> LIBPQ_NAMES = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout",
            "target_session_attrs", "targetServerType",
            "load_balance_hosts", "loadBalanceHosts");

    /** Parameters refused by name, each with why: pgjdbc would load a class, read or write a file. */
    private static final Map<String, String> REFUSED = refused();

    /** Values that hold secrets: never shown, never logged. */
    static final Set<String> SECRET = Set.of("password", "sslpassword");

    /** The allow-list: pgjdbc's name, and how its value is checked (and, for libpq values, converted). */
    private static final Map<String, UnaryOperator<String>> ALLOWED = allowed();

    private ParameterPolicy() {
    }

    /** pgjdbc's name for {@code name}, as given in the URL. */
    static String pgjdbcName(String name) {
        return LIBPQ_NAMES.getOrDefault(name, name);
    }

    /**
     * Refuses a parameter by its name alone, before pgjdbc parses the URL: pgjdbc acts on some while
     * parsing (service reads pg_service.conf; PGHOST, PGPORT and PGDBNAME replace the URL's own).
     */
    static void refuseByName(String name) {
        String reason = REFUSED.get(name.toLowerCase(Locale.ROOT));
        if (reason != null) {
            throw new WorkshopException("DATABASE_URL is refused: the parameter " + name + " " + reason
                    + ". Remove it.");
        }
    }

    /** Checks {@code name=value} ({@code name} as given in the URL); returns the value pgjdbc should get. */
    static String check(String name, String value) {
        refuseByName(name);
        UnaryOperator<String> check = ALLOWED.get(pgjdbcName(name));
        if (check == null) {
            String shown = InputText.isPlainWord(name) ? "the parameter '" + name + "'" : "a parameter";
            throw new WorkshopException(PGProperty.forName(pgjdbcName(name)) == null
                    ? "DATABASE_URL has " + shown + ", which pgjdbc does not understand. Remove it, or use one"
                            + " of: " + allowedNames() + "."
                    : "DATABASE_URL has " + shown + ", which is not on the workspace's list of parameters"
                            + " (README: Where the database comes from). Remove it, or use one of: "
                            + allowedNames() + ".");
        }
        return check.apply(value);
    }

    /** The allowed names, as the README lists them. */
    static String allowedNames() {
        return String.join(", ", new TreeMap<>(ALLOWED).keySet());
    }

    private static Map<String, String> refused() {
        String loadsClass = "names a Java class for pgjdbc to load, and nothing in a URL may load a class";
        Map<String, String> refused = new TreeMap<>();
        for (String name : new String[] {"socketFactory", "socketFactoryArg", "sslfactory", "sslfactoryarg",
                "sslhostnameverifier", "sslpasswordcallback", "authenticationPluginClassName", "sspiServiceClass"}) {
            refused.put(name.toLowerCase(Locale.ROOT), loadsClass);
        }
        refused.put("sslfactory", "names a Java class that makes TLS connections (NonValidatingFactory switches"
                + " certificate checks off); the workspace uses pgjdbc's own, which checks them");
        refused.put("loggerfile", "names a file for pgjdbc to write (its log, which can hold connection details)");
        refused.put("loggerlevel", "turns on pgjdbc's log, which can hold connection details; use --verbose");
        refused.put("service", "names a pg_service.conf entry for pgjdbc to read; put the settings in the URL");
        refused.put("jaaslogin", "makes pgjdbc read a JAAS login configuration file");
        refused.put("jaasapplicationname", "names a JAAS login configuration entry for pgjdbc to read");
        refused.put("pghost", "would replace the host named in the URL's authority; put hosts after the '@'");
        refused.put("pgport", "would replace the port named in the URL's authority; put ports after the hosts");
        refused.put("pgdbname", "would replace the database named in the URL's path; put it after the '/'");
        refused.put("host", "would replace the host named in the URL's authority; put hosts after the '@'");
        refused.put("port", "would replace the port named in the URL's authority; put ports after the hosts");
        return Map.copyOf(refused);
    }

    private static Map<String, UnaryOperator<String>> allowed() {
        Map<String, UnaryOperator<String>> allowed = new TreeMap<>();
        allowed.put("user", value -> value);
        allowed.put("password", value -> value);
        allowed.put("sslmode", ParameterPolicy::sslMode);
        allowed.put("ssl", value -> bool("ssl", value));
        allowed.put("sslrootcert", value -> readableFile("sslrootcert", value));
        allowed.put("sslcert", value -> readableFile("sslcert", value));
        allowed.put("sslkey", value -> readableFile("sslkey", value));
        allowed.put("sslpassword", value -> value);
        allowed.put("ApplicationName", value -> value);
        allowed.put("connectTimeout", value -> seconds("connect_timeout/connectTimeout", value));
        allowed.put("loginTimeout", value -> seconds("loginTimeout", value));
        allowed.put("socketTimeout", value -> seconds("socketTimeout", value));
        allowed.put("cancelSignalTimeout", value -> seconds("cancelSignalTimeout", value));
        allowed.put("options", value -> {
            SessionOptions.check(value);
            return value;
        });
        allowed.put("loadBalanceHosts", ParameterPolicy::loadBalance);
        allowed.put("hostRecheckSeconds", value -> seconds("hostRecheckSeconds", value));
        allowed.put("targetServerType", ParameterPolicy::targetServerType);
        allowed.put("reWriteBatchedInserts", value -> bool("reWriteBatchedInserts", value));
        allowed.put("tcpKeepAlive", value -> bool("tcpKeepAlive", value));
        allowed.put("currentSchema", ParameterPolicy::schema);
        return Map.copyOf(allowed);
    }

    private static String sslMode(String value) {
        if (!Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full").contains(value)) {
            throw new WorkshopException("DATABASE_URL has sslmode=" + shown(value) + ", which is not an SSL mode."
                    + " Use one of: disable, require, verify-ca, verify-full.");
        }
        return value;
    }

    /** libpq's target_session_attrs values become pgjdbc's targetServerType values; pgjdbc's own pass. */
    private static String targetServerType(String value) {
        String converted = switch (value) {
            case "read-write" -> "primary";
            case "read-only", "standby" -> "secondary";
            case "prefer-standby" -> "preferSecondary";
            default -> value;
        };
        if (!isServerType(converted)) {
            throw new WorkshopException("DATABASE_URL has target_session_attrs (targetServerType) = "
                    + shown(value) + ", which is not a server type. Use one of: any, read-write, read-only,"
                    + " primary, standby, prefer-standby.");
        }
        return converted;
    }

    private static boolean isServerType(String value) {
        try {
            return HostRequirement.getTargetServerType(value) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String loadBalance(String value) {
        return switch (value) {
            case "random", "true" -> "true";
            case "disable", "false" -> "false";
            default -> throw new WorkshopException("DATABASE_URL has load_balance_hosts = " + shown(value)
                    + ". Use random or disable (pgjdbc's loadBalanceHosts: true or false).");
        };
    }

    private static String seconds(String name, String value) {
        if (value.matches("[0-9]{1,6}") && Integer.parseInt(value) > 0) {
            return value;
        }
        throw new WorkshopException("DATABASE_URL has " + name + "=" + shown(value) + ". Give a whole number of"
                + " seconds from 1 (0 would mean waiting forever).");
    }

    private static String bool(String name, String value) {
        if (value.equals("true") || value.equals("false")) {
            return value;
        }
        throw new WorkshopException("DATABASE_URL has " + name + "=" + shown(value) + ". Use true or false.");
    }

    private static String schema(String value) {
        if (value.matches("[a-z_][a-z0-9_]{0,62}")) {
            return value;
        }
        throw new WorkshopException("DATABASE_URL has currentSchema=" + shown(value)
                + ". Give one schema name in lower case (letters, digits, '_').");
    }

    private static String readableFile(String name, String path) {
        NamedFile.problem(path).ifPresent(problem -> {
            throw new WorkshopException("DATABASE_URL names " + name + "=" + shown(path) + ", but no readable file"
                    + " is there: it " + problem + ". " + (name.equals("sslrootcert") ? "Download the cluster's CA"
                    + " certificate (CockroachDB Cloud: Connect dialog, 'Download CA Cert') or fix the path."
                    : "Fix the path."));
        });
        return path;
    }

    /**
     * Refuses the files pgjdbc reads by default when TLS is on and the URL names none
     * (~/.postgresql/root.crt, postgresql.crt, postgresql.pk8), when one is there but is no small
     * regular file: pgjdbc would read it with no limit, as it would a file the URL names.
     */
    static void checkDefaultFiles(Properties props) {
        if ("disable".equals(props.getProperty("sslmode")) || "false".equals(props.getProperty("ssl"))) {
            return;
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows");
        Path directory = windows ? Path.of(String.valueOf(System.getenv("APPDATA")), "postgresql")
                : Path.of(System.getProperty("user.home"), ".postgresql");
        Map<String, List<String>> defaults = Map.of("sslrootcert", List.of("root.crt"),
                "sslcert", List.of("postgresql.crt"), "sslkey", List.of("postgresql.pk8", "postgresql.key"));
        defaults.forEach((name, files) -> {
            for (String file : props.containsKey(name) ? List.<String>of() : files) {
                Path path = directory.resolve(file);
                if (NamedFile.exists(path)) {
                    NamedFile.problem(path.toString()).ifPresent(problem -> {
                        throw new WorkshopException("pgjdbc's default " + name + " file " + InputText.quotePath(
                                path.toString()) + " " + problem + ". Make it a regular file, remove it, or name"
                                + " another with " + name + "= in DATABASE_URL.");
                    });
                }
            }
        });
    }

    /** A value as typed when it is a plain word or path, else quoted and cut. */
    private static String shown(String value) {
        return value.matches("[A-Za-z0-9_./~+-]{1,60}") ? value : InputText.quote(value);
    }
}
