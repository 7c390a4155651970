package crdb.workshop.common.url;

import crdb.workshop.common.WorkshopException;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Checks the values that reach the server in pgjdbc's start-up packet and login (user, database,
 * options, application name, password...) once the URL is decoded. The packet is a list of
 * NUL-terminated names and values, so a NUL in a value ({@code %00} in the URL) would add
 * parameters of the sender's choosing, past the allow-list; other control characters have no
 * place there either, and would reach the learner's terminal through our messages. User and
 * database names that look like options ("-c role=...") or parameters ("db&password=...") are
 * refused too; a space alone is allowed, as the server takes it as part of the name.
 */
final class StartupValues {

    private StartupValues() {
    }

    /** Throws a one-line WorkshopException, quoting nothing, if a value could smuggle or hide something. */
    static void check(Properties props, String database) {
        for (String name : new TreeSet<>(props.stringPropertyNames())) {
            refuseInvisible(switch (name) {
                case "user" -> "user name";
                case "password", "sslpassword" -> name;
                default -> "parameter " + name;
            }, props.getProperty(name));
            String value = props.getProperty(name);
            if (!ParameterPolicy.SECRET.contains(name) && DatabaseUrl.SECRET_KEY.matcher(value).find()) {
                // Decoded, "application_name=x;pass%77ord=..." says password= too, and would reach server logs.
                throw new WorkshopException("DATABASE_URL has a password key inside the value of " + name
                        + " (not shown): separate parameters with '&', as in ?user=maxroach&password=....");
            }
        }
        refuseInvisible("database name", database);
        String user = props.getProperty("user", "");
        if (user.startsWith("-") || user.matches("(?s).*[:;&=?].*")) {
            throw new WorkshopException("DATABASE_URL has a user name (not shown) that starts with '-' or holds"
                    + " ':', ';', '&', '=' or '?' (an option, a parameter or a password?). Write"
                    + " postgresql://user:password@host/db, with the password's special characters"
                    + " percent-encoded (@ : / ? # as %40 %3A %2F %3F %23).");
        }
        if (database.startsWith("-") || database.matches("(?s).*[;&=].*")) {
            throw new WorkshopException("DATABASE_URL has a database name (not shown) that starts with '-' or holds"
                    + " ';', '&' or '=' (an option, a parameter or a password?). Give a plain name such as"
                    + " defaultdb; parameters go after a '?'.");
        }
    }

    private static void refuseInvisible(String what, String value) {
        if (value != null && InputText.hasInvisible(value)) {
            throw new WorkshopException("DATABASE_URL has a control or invisible character (such as %00, %0A, %1B"
                    + " or a direction mark) in the " + what + " (not shown). No user name, password, database"
                    + " name or parameter holds one: remove it, or check what was pasted.");
        }
    }
}
