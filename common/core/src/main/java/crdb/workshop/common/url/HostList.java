package crdb.workshop.common.url;

import crdb.workshop.common.WorkshopException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The hosts of a connection URL's authority, after the user info: {@code host1:26257,host2,[::1]:26258}.
 * pgjdbc accepts this list but does not check it (it keeps {@code [::1]x5434} as a host name), so
 * every host and port is checked here, and anything else is refused.
 *
 * @param hosts each host with its port, IPv6 literals in brackets
 */
record HostList(List<String> hosts) {

    /** RFC 1123 labels, plus '_' (container names such as roach_1 use it). */
    private static final Pattern HOST_NAME =
            Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\\.[A-Za-z0-9_][A-Za-z0-9_-]{0,62})*\\.?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    /**
     * Parses {@code text}. {@code showable} says whether pieces of it may be quoted in a message:
     * without an '@' in front, "user:secretlocalhost:26257" would be read as host 'user' and port
     * 'secretlocalhost:26257', and that port is a password.
     */
    static HostList parse(String text, int defaultPort, boolean showable) {
        if (text.isEmpty()) {
            throw new WorkshopException("DATABASE_URL has no host. Put the server's address after the '@', as in "
                    + DatabaseUrl.EXAMPLE + ".");
        }
        List<String> hosts = new ArrayList<>();
        for (String entry : text.split(",", -1)) {
            hosts.add(parseOne(entry, defaultPort, showable));
        }
        return new HostList(List.copyOf(hosts));
    }

    private static String parseOne(String entry, int defaultPort, boolean showable) {
        String host;
        String port = null;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0) {
                throw bad("an IPv6 host without its closing ']'", entry, showable, "Write it as [::1]:26257.");
            }
            host = entry.substring(0, close + 1);
            String after = entry.substring(close + 1);
            if (!IPV6.matcher(host.substring(1, close)).matches() || !host.contains(":")) {
                throw bad("an IPv6 host that is not an IPv6 address", entry, showable, "Write it as [::1]:26257.");
            }
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw bad("something other than ':port' after an IPv6 host", entry, showable,
                            "Write it as [::1]:26257.");
                }
                port = after.substring(1);
            }
        } else {
            int colon = entry.indexOf(':');
            host = colon < 0 ? entry : entry.substring(0, colon);
            port = colon < 0 ? null : entry.substring(colon + 1);
            if (host.isEmpty()) {
                throw new WorkshopException(entry.isEmpty()
                        ? "DATABASE_URL has an empty host in its list of hosts (two commas, or one at an end)."
                                + " Separate hosts with one comma: host1:26257,host2:26257."
                        : "DATABASE_URL has no host. Put the server's address after the '@', as in "
                                + DatabaseUrl.EXAMPLE + ".");
            }
            if (host.length() > 253 || !HOST_NAME.matcher(host).matches()) {
                throw bad("a host that is not a host name or an IP address", host, showable,
                        "Use letters, digits, '-' and '.', or an IPv6 address in brackets.");
            }
        }
        return host + ":" + port(port, defaultPort, showable);
    }

    private static int port(String port, int defaultPort, boolean showable) {
        if (port == null) {
            return defaultPort;
        }
        if (PORT.matcher(port).matches()) {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65535) {
                return number;
            }
        }
        throw bad("the port", port, showable, "A port is a number from 1 to 65535; CockroachDB listens on 26257"
                + " unless told otherwise.", ", which is not a port number");
    }

    private static WorkshopException bad(String what, String piece, boolean showable, String fix) {
        return bad(what, piece, showable, fix, "");
    }

    private static WorkshopException bad(String what, String piece, boolean showable, String fix, String which) {
        String shown = showable
                ? what + " " + InputText.quote(piece) + which
                : what + " (not shown: it may be part of a password. Is the '@' between password and host"
                        + " missing, or does the password hold an unencoded @ : / ? #? Percent-encode those as"
                        + " %40 %3A %2F %3F %23)";
        return new WorkshopException("DATABASE_URL has " + shown + ". " + fix);
    }

    /** The list as pgjdbc reads it: {@code host1:26257,host2:26257}. */
    @Override
    public String toString() {
        return String.join(",", hosts);
    }
}
