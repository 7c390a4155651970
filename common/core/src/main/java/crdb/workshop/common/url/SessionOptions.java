package crdb.workshop.common.url;

import crdb.workshop.common.WorkshopException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the {@code options} parameter: session settings sent at login, as {@code -c name=value}
 * or {@code --name=value}. Only settings that leave the lessons' guarantees intact pass; the
 * isolation level above all, because the transfer lessons rely on the server's SERIALIZABLE.
 */
final class SessionOptions {

    /** Settings a learner may need: CockroachDB Serverless routing, timeouts, names, time zone. */
    static final Set<String> ALLOWED = Set.of("cluster", "statement_timeout", "lock_timeout",
            "idle_in_transaction_session_timeout", "idle_session_timeout", "application_name", "timezone",
            "search_path");

    private static final Set<String> ISOLATION = Set.of("default_transaction_isolation", "transaction_isolation");

    private SessionOptions() {
    }

    /** Throws a one-line WorkshopException if {@code options} holds anything but allowed settings. */
    static void check(String options) {
        if (options.indexOf('\\') >= 0) {
            // The server reads "\ " as a space inside a value: words we would split, it would not.
            throw new WorkshopException("DATABASE_URL has options with a backslash, which the server reads as an"
                    + " escape. Write each setting as -c name=value, without backslashes.");
        }
        String[] words = options.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            String setting;
            if (word.isEmpty()) {
                continue;
            } else if (word.equals("-c") && i + 1 < words.length) {
                setting = words[++i];
            } else if (word.startsWith("-c") && !word.startsWith("--")) {
                setting = word.substring(2);
            } else if (word.startsWith("--")) {
                setting = word.substring(2);
            } else {
                throw new WorkshopException("DATABASE_URL has options with a word that is not -c name=value or"
                        + " --name=value. Write each setting as -c name=value (encoded: -c%20name%3Dvalue).");
            }
            int eq = setting.indexOf('=');
            String name = (eq < 0 ? setting : setting.substring(0, eq)).replace('-', '_').toLowerCase(Locale.ROOT);
            if (eq <= 0) {
                throw new WorkshopException("DATABASE_URL has options with a setting without '=value'."
                        + " Write each setting as -c name=value.");
            }
            if (ISOLATION.contains(name)) {
                throw new WorkshopException("DATABASE_URL is refused: options sets " + name + ", which would change"
                        + " the isolation level the lessons rely on (SERIALIZABLE on CockroachDB). Remove it from"
                        + " options.");
            }
            if (!ALLOWED.contains(name)) {
                throw new WorkshopException("DATABASE_URL is refused: options sets "
                        + (InputText.isPlainWord(name) ? name : "a setting") + ", which is not one the workspace"
                        + " passes on. Allowed in options: " + String.join(", ", ALLOWED.stream().sorted().toList())
                        + ".");
            }
        }
    }
}
