package crdb.workshop.common.echo;

import java.util.ArrayList;
import java.util.List;

/**
 * One thread's echo, fed by MyBatis's statement log and by the JDBC wrappers on the same thread.
 *
 * <p>MyBatis logs "Preparing:" before the statement reaches the connection, and the connection is
 * where a transaction begins; so the statement line waits here until BEGIN has been printed.
 * A batch logs "Parameters:" once per row: the first {@link #ROWS_SHOWN} rows are printed, the
 * rest counted, and the count printed when the batch is sent.
 */
final class ThreadEcho {

    static final int ROWS_SHOWN = 3;

    final int session;
    final Thread thread;
    /** Lines held until this thread's transaction ends (threads other than echo's owner). */
    final List<String> held = new ArrayList<>();
    int openTransactions;
    /** The attempt the RetryExecutor is running on this thread, 0 outside it. */
    int attempt;

    private String pendingStatement;
    private boolean secretParameters;
    private int rows;
    private int rowsHidden;
    private int parameterCount;

    ThreadEcho(int session, Thread thread) {
        this.session = session;
        this.thread = thread;
    }

    /** A line of MyBatis's statement log: "==>  Preparing: ...", "==> Parameters: ...", "<==  Total: 2". */
    void statementLog(String line) {
        String text = line.strip();
        if (text.startsWith("==>  Preparing:") || text.startsWith("==>  Executing:")) {
            flush();
            String sql = text.substring(text.indexOf(':') + 1).strip();
            secretParameters = SecretMask.mentionsSecrets(sql);
            pendingStatement = text.substring(0, text.indexOf(':') + 1) + " " + EchoLine.compactValues(sql);
            rows = 0;
            parameterCount = 0;
        } else if (text.startsWith("==> Parameters:")) {
            rows++;
            if (rows > ROWS_SHOWN) {
                rowsHidden++;
                return;
            }
            flushPending();
            if (secretParameters) {
                print("==> Parameters: " + SecretMask.MASK + " (the statement mentions a secret)");
            } else {
                print(text, parameterCount > 0 ? EchoLine.thousands(parameterCount) + " values in all" : null);
            }
        } else {
            flush();
            rows = 0;
            print(text);
        }
    }

    /** A statement was bound with a value for parameter {@code index} (1-based). */
    void parameterSet(int index) {
        parameterCount = Math.max(parameterCount, index);
    }

    /** The JDBC batch of {@code size} rows went to the server. */
    void batchSent(int size) {
        flush();
        print("<==      Batch: " + EchoLine.thousands(size) + (size == 1 ? " row" : " rows") + " sent together");
        rows = 0;
    }

    /** BEGIN: printed before the statement that opened the transaction, which is still pending. */
    void begin(String text) {
        openTransactions++;
        print(text);
    }

    /** COMMIT, ROLLBACK, SAVEPOINT and the like, after whatever statement came before. */
    void control(String text) {
        flush();
        print(text);
    }

    void ended() {
        openTransactions = Math.max(0, openTransactions - 1);
        if (openTransactions == 0) {
            EchoConsole.release(this);
        }
    }

    /** Prints what is pending: the statement line, and the count of batch rows not shown. */
    void flush() {
        flushPending();
        if (rowsHidden > 0) {
            print("==> ... " + EchoLine.thousands(rowsHidden) + " more " + (rowsHidden == 1 ? "row" : "rows")
                    + " of parameters, not shown");
            rowsHidden = 0;
        }
    }

    void print(String text) {
        print(text, null);
    }

    /** @param whatWasCut what to call the part a cut leaves out ("4,000 values"); null: characters */
    void print(String text, String whatWasCut) {
        EchoConsole.print(this, text, whatWasCut);
    }

    /** Whether the statement MyBatis is about to send is {@code sql} (so it was echoed already). */
    boolean isPending(String sql) {
        return pendingStatement != null && pendingStatement.endsWith(" " + EchoLine.compactValues(sql.strip()));
    }

    private void flushPending() {
        if (pendingStatement != null) {
            String statement = pendingStatement;
            pendingStatement = null;
            print(statement);
        }
    }
}
