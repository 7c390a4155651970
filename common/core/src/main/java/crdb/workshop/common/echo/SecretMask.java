package crdb.workshop.common.echo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of echoed SQL. Echo prints what the application sends, and applications send
 * passwords: a role's password in SQL text, a connection string stored in a table, or the very
 * password the pool connects with, bound as a parameter. None of them is ever printed.
 */
public final class SecretMask {

    public static final String MASK = "****";

    /** PASSWORD 'text' or password = 'text' in SQL. */
    private static final Pattern QUOTED_PASSWORD = Pattern.compile("(?i)(password\\s*=?\\s*)'[^']*+(?:''[^']*+)*+'");
    /** password=text in a URL or a settings string, in any case (PGPASSWORD=, Password=, pwd=, password%3D). */
    private static final Pattern PASSWORD_SETTING =
            Pattern.compile("(?i)((?:password|pwd)\\s*(?:=|%3d)\\s*)[^\\s&,;)']+");
    /** The password in a URL's user information: scheme://user:password@host. */
    private static final Pattern URL_USER_INFO = Pattern.compile("(://[^:/@\\s]*:)[^@\\s/]+@");

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private SecretMask() {
    }

    /** Never echo {@code secret}, as written or percent-encoded (as it appears in a DATABASE_URL). */
    public static void remember(String secret) {
        if (secret != null && !secret.isEmpty()) {
            KNOWN.add(secret);
            KNOWN.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            KNOWN.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
        }
    }

    /** Whether a statement's text suggests its parameters are credentials. */
    public static boolean mentionsSecrets(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("token");
    }

    /** {@code line} with every known secret and every password-shaped value replaced by ****. */
    public static String mask(String line) {
        String masked = line;
        for (String secret : KNOWN) {
            masked = masked.replace(secret, MASK);
        }
        masked = QUOTED_PASSWORD.matcher(masked).replaceAll("$1'" + MASK + "'");
        masked = PASSWORD_SETTING.matcher(masked).replaceAll("$1" + MASK);
        return URL_USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
    }
}
