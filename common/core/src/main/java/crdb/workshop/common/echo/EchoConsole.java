package crdb.workshop.common.echo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where echoed lines go, and in what order: the one place that prints them.
 *
 * <p>Each line starts with "SQL ", is cut at {@link EchoLine#WIDTH} and has its secrets masked.
 * Lines from the thread that turned echo on print at once. Other threads run at the same time
 * as each other, so their lines carry the thread's name, and a transaction's lines are held
 * until it ends and then printed together: each transaction reads as one block, and the blocks
 * come out in the order the transactions ended.
 */
public final class EchoConsole {

    private static final Object PRINTING = new Object();
    private static final Set<ThreadEcho> HOLDING = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<ThreadEcho> THREADS = new ThreadLocal<>();

    private static volatile PrintStream target;
    private static volatile Thread owner;
    private static volatile int session;

    private EchoConsole() {
    }

    /** Turns echo on, printing to {@code out}; {@code null} turns it off, printing what was held. */
    public static void echoTo(PrintStream out) {
        synchronized (PRINTING) {
            releaseAll();
            session++;
            owner = out == null ? null : Thread.currentThread();
            target = out;
        }
    }

    public static boolean isOn() {
        return target != null;
    }

    /** A line of a mapped statement's MyBatis debug log, from {@code SqlEcho}. */
    public static void statementLog(String line) {
        thread().statementLog(line);
    }

    /** The RetryExecutor began attempt {@code attempt} on this thread (its BEGIN line names it). */
    public static void attemptStarted(int attempt) {
        if (isOn()) {
            thread().attempt = attempt;
        }
    }

    /** The RetryExecutor's call on this thread ended; {@code line}, if not null, says how. */
    public static void attemptEnded(String line) {
        if (isOn()) {
            ThreadEcho echo = thread();
            echo.attempt = 0;
            if (line != null) {
                echo.control(line);
            }
        }
    }

    /** A line from the RetryExecutor between statements ("-- retry: ..."), printed only while echo is on. */
    public static void control(String line) {
        if (isOn()) {
            thread().control(line);
        }
    }

    /** This thread's echo state (pending statement, batch counts, open transactions). */
    static ThreadEcho thread() {
        ThreadEcho state = THREADS.get();
        if (state == null || state.session != session) {
            state = new ThreadEcho(session, Thread.currentThread());
            THREADS.set(state);
        }
        return state;
    }

    /** Prints (or holds) one line of this thread's echo: {@code text} is what follows "SQL ". */
    static void print(ThreadEcho state, String text, String whatWasCut) {
        PrintStream out = target;
        if (out == null || state.session != session) {
            return;
        }
        boolean concurrent = state.thread != owner;
        String prefix = concurrent ? "SQL [" + state.thread.getName() + "] " : "SQL ";
        // Masked before it is cut: half a password is a leak too.
        String line = EchoLine.cut(prefix + SecretMask.mask(text), EchoLine.WIDTH, whatWasCut);
        synchronized (PRINTING) {
            if (concurrent && state.openTransactions > 0) {
                state.held.add(line);
                HOLDING.add(state);
                return;
            }
            printHeld(out, state);
            out.println(line);
        }
    }

    /** The thread's transaction ended: print the lines it held, as one block. */
    static void release(ThreadEcho state) {
        PrintStream out = target;
        if (out != null) {
            synchronized (PRINTING) {
                printHeld(out, state);
            }
        }
    }

    /** Called holding PRINTING, which also guards every thread's held lines. */
    private static void printHeld(PrintStream out, ThreadEcho state) {
        if (state.held.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>(state.held);
        state.held.clear();
        HOLDING.remove(state);
        lines.forEach(out::println);
    }

    /** Echo is being turned off or moved: nothing held may be lost. */
    private static void releaseAll() {
        PrintStream out = target;
        for (ThreadEcho state : HOLDING) {
            if (out != null) {
                printHeld(out, state);
            }
        }
        HOLDING.clear();
    }
}
