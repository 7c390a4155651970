package crdb.workshop.common.mybatis;

import crdb.workshop.common.echo.EchoConsole;
import crdb.workshop.common.echo.SecretMask;
import java.io.PrintStream;
import org.apache.ibatis.logging.Log;
import org.apache.ibatis.logging.slf4j.Slf4jImpl;

/**
 * The tutorial's {@code echo=True}: prints every statement MyBatis sends, with its parameters,
 * so you always know what SQL runs.
 *
 * <p>MyBatis already writes "Preparing: ..." and "Parameters: ..." lines to each mapped
 * statement's debug log, named after the statement ({@code ...AccountMapper.insert}). This log
 * implementation sends those lines to the console when echo is on, and passes everything to SLF4J
 * as usual. MyBatis's own classes (class scanning, connection handling) log through here too;
 * they are not SQL, so they are never echoed. It is process-wide, as MyBatis's logging is.
 *
 * <p>The rest of the story (BEGIN, COMMIT, ROLLBACK, SAVEPOINT, retries) comes from the
 * connections and the RetryExecutor; {@link EchoConsole} puts it all in order.
 */
public final class SqlEcho implements Log {

    private final Log delegate;
    private final boolean statementLog;

    public SqlEcho(String name) {
        this.delegate = new Slf4jImpl(name);
        this.statementLog = !name.startsWith("org.apache.ibatis.");
    }

    /** Turns echo on, printing to {@code out}; {@code null} turns it off. */
    public static void echoTo(PrintStream out) {
        EchoConsole.echoTo(out);
    }

    @Override
    public boolean isDebugEnabled() {
        return statementLog && EchoConsole.isOn() || delegate.isDebugEnabled();
    }

    @Override
    public boolean isTraceEnabled() {
        return delegate.isTraceEnabled();
    }

    @Override
    public void debug(String line) {
        if (statementLog && EchoConsole.isOn()) {
            EchoConsole.statementLog(line);
        }
        if (delegate.isDebugEnabled()) {
            delegate.debug(SecretMask.mask(line)); // a debug log is output too: no password in it
        }
    }

    @Override
    public void trace(String line) {
        delegate.trace(line);
    }

    @Override
    public void warn(String line) {
        delegate.warn(line);
    }

    @Override
    public void error(String line) {
        delegate.error(line);
    }

    @Override
    public void error(String line, Throwable e) {
        delegate.error(line, e);
    }
}
