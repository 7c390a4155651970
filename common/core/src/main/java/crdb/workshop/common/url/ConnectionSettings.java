package crdb.workshop.common.url;

import java.util.Properties;

/**
 * What pgjdbc needs to open a connection: a JDBC URL without credentials, and the driver
 * properties (user, password, TLS settings...) that go beside it.
 *
 * <p>Keeping the password out of the URL keeps it out of every log line that prints a URL.
 * {@link #toString()} never shows it.
 *
 * @param jdbcUrl    {@code jdbc:postgresql://host:port/database}
 * @param properties driver properties; may hold the password
 * @param display    how to show this connection to a person, password masked
 */
public record ConnectionSettings(String jdbcUrl, Properties properties, String display) {

    public ConnectionSettings {
        Properties copy = new Properties();
        copy.putAll(properties);
        properties = copy;
    }

    /** A copy of the driver properties (the record hands out copies so nobody edits ours). */
    @Override
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    public String user() {
        return properties.getProperty("user", "");
    }

    @Override
    public String toString() {
        return display;
    }
}
