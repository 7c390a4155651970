package crdb.workshop.common.settings;

import crdb.workshop.common.WorkshopException;
import crdb.workshop.common.url.InputText;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything the workspace reads from the environment, in one place.
 *
 * <p>Each setting is an environment variable, or a system property of the same meaning
 * ({@code -Dworkshop.database=embedded}); the system property wins.
 *
 * @param databaseUrl     {@code DATABASE_URL}, as pasted by the user, if set
 * @param forcedKind      {@code WORKSHOP_DATABASE}: skip the selection order and use this kind
 * @param cockroachImage  {@code WORKSHOP_COCKROACH_IMAGE}: the CockroachDB image Testcontainers runs
 * @param echoSql         {@code WORKSHOP_ECHO_SQL}: print every SQL statement MyBatis runs
 * @param verbose         {@code WORKSHOP_VERBOSE}: print stack traces of failures
 * @param giveUp          {@code WORKSHOP_GIVE_UP_SECONDS}: how long a lesson waits for a server that is
 *                        unreachable or stopped answering before it gives up (30 s)
 */
public record Settings(
        Optional<String> databaseUrl,
        Optional<ServerKind> forcedKind,
        String cockroachImage,
        boolean echoSql,
        boolean verbose,
        Duration giveUp) {

    /**
     * Pinned so every run uses the same server; override with WORKSHOP_COCKROACH_IMAGE. The v25.4
     * line is supported until 2027-05-03, where v25.2's support ends on 2026-12-17; v25.4.11
     * (2026-05-29) carries the fixes for advisories A-161317, A-162085 and A-166122
     * (https://www.cockroachlabs.com/docs/releases/release-support-policy,
     * https://www.cockroachlabs.com/docs/releases/v25.4). README and docs are checked against it.
     */
    public static final String DEFAULT_COCKROACH_IMAGE = "cockroachdb/cockroach:v25.4.11";

    /** Long enough for a node restart or a TLS handshake across the world; short enough to wait for. */
    public static final Duration DEFAULT_GIVE_UP = Duration.ofSeconds(30);

    public static Settings fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    public static Settings from(Map<String, String> env, Properties props) {
        return new Settings(
                // Set but empty is kept, not taken for unset: DatabaseUrl says what is wrong with it,
                // where quietly falling back to the embedded database would hide the mistake.
                raw(env, props, "DATABASE_URL", "DATABASE_URL"),
                read(env, props, "WORKSHOP_DATABASE", "workshop.database").map(Settings::parseKind),
                read(env, props, "WORKSHOP_COCKROACH_IMAGE", "workshop.cockroachImage")
                        .orElse(DEFAULT_COCKROACH_IMAGE),
                read(env, props, "WORKSHOP_ECHO_SQL", "workshop.echoSql").map(Settings::flag).orElse(false),
                read(env, props, "WORKSHOP_VERBOSE", "workshop.verbose").map(Settings::flag).orElse(false),
                read(env, props, "WORKSHOP_GIVE_UP_SECONDS", "workshop.giveUpSeconds").map(Settings::seconds)
                        .orElse(DEFAULT_GIVE_UP));
    }

    public Settings withEchoSql(boolean on) {
        return new Settings(databaseUrl, forcedKind, cockroachImage, on, verbose, giveUp);
    }

    public Settings withVerbose(boolean on) {
        return new Settings(databaseUrl, forcedKind, cockroachImage, echoSql, on, giveUp);
    }

    private static Optional<String> read(Map<String, String> env, Properties props, String envName, String propName) {
        return raw(env, props, envName, propName).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Optional<String> raw(Map<String, String> env, Properties props, String envName, String propName) {
        String value = props.getProperty(propName);
        return Optional.ofNullable(value != null ? value : env.get(envName));
    }

    private static ServerKind parseKind(String value) {
        for (ServerKind kind : ServerKind.values()) {
            if (kind.settingValue().equals(value.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new WorkshopException("WORKSHOP_DATABASE is " + InputText.quote(value) + ", which is not a database kind."
                + " Use one of: url, cockroachdb, embedded (or unset it to let the workspace choose).");
    }

    private static Duration seconds(String value) {
        if (value.matches("[0-9]{1,4}") && Integer.parseInt(value) >= 1 && Integer.parseInt(value) <= 3600) {
            return Duration.ofSeconds(Integer.parseInt(value));
        }
        throw new WorkshopException("WORKSHOP_GIVE_UP_SECONDS is " + InputText.quote(value) + ", which is not a"
                + " number of seconds from 1 to 3600. Set it to, say, 60, or unset it for 30.");
    }

    private static boolean flag(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            default -> false;
        };
    }
}
