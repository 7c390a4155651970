package crdb.workshop.common.testing;

import crdb.workshop.common.url.ConnectionSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A proxy on loopback between pgjdbc and the server that can lose a COMMIT's answer on cue:
 * it forwards the COMMIT to the server, then drops the client's connection before any answer
 * comes back. The server commits; the client cannot know. That is an ambiguous commit, made for
 * real rather than simulated.
 *
 * <p>A {@link WireRelay} watcher: it reads the SQL text of Query and Parse messages (and which
 * prepared statement is a COMMIT), nothing more.
 */
public final class CommitDroppingProxy implements AutoCloseable {

    private final AtomicInteger commitsUntilDrop = new AtomicInteger(-1);
    private final AtomicInteger drops = new AtomicInteger();
    private volatile String watchedSql;
    private WireRelay relay;

    private CommitDroppingProxy() {
    }

    /** A proxy in front of the server {@code settings} connects to (on this machine). */
    public static CommitDroppingProxy start(ConnectionSettings settings) throws IOException {
        CommitDroppingProxy proxy = new CommitDroppingProxy();
        proxy.relay = WireRelay.start(settings, () -> proxy.new CommitWatcher());
        return proxy;
    }

    /** The same connection settings, routed through this proxy. */
    public ConnectionSettings route(ConnectionSettings settings) {
        return relay.route(settings);
    }

    /**
     * Drops the client's connection right after forwarding the {@code nth} COMMIT (counting from
     * 1) of a transaction that sent a statement containing {@code sql}, once.
     */
    public void dropAfterCommit(String sql, int nth) {
        watchedSql = sql.toLowerCase(Locale.ROOT);
        commitsUntilDrop.set(nth);
    }

    /** How many connections were dropped after a COMMIT. */
    public int drops() {
        return drops.get();
    }

    @Override
    public void close() throws IOException {
        relay.close();
    }

    /** One connection's view: is the open transaction a watched one, and is this message its COMMIT? */
    private final class CommitWatcher implements WireRelay.Watcher {
        private boolean watchedTransaction;
        private boolean commitInBatch;
        private String commitStatement;

        @Override
        public boolean cutAfter(byte type, byte[] body, boolean serverSpoke) {
            switch (type) {
                case 'Q' -> {
                    String sql = cString(body, 0);
                    note(sql);
                    return isCommit(sql) && commitSent();
                }
                case 'P' -> {
                    String name = cString(body, 0);
                    String sql = cString(body, name.getBytes(StandardCharsets.UTF_8).length + 1);
                    note(sql);
                    if (isCommit(sql)) {
                        commitStatement = name;
                    }
                }
                case 'B' -> {
                    String portal = cString(body, 0);
                    String statement = cString(body, portal.getBytes(StandardCharsets.UTF_8).length + 1);
                    commitInBatch |= statement.equals(commitStatement);
                }
                case 'S' -> {
                    boolean commit = commitInBatch;
                    commitInBatch = false;
                    return commit && commitSent();
                }
                default -> {
                }
            }
            return false;
        }

        private void note(String sql) {
            String lower = sql.toLowerCase(Locale.ROOT);
            String watched = watchedSql;
            if (watched != null && lower.contains(watched)) {
                watchedTransaction = true;
            }
            if (lower.strip().startsWith("rollback")) {
                watchedTransaction = false;
            }
        }

        /** A COMMIT went to the server: the transaction ends; true if it is the one to lose. */
        private boolean commitSent() {
            boolean watched = watchedTransaction;
            watchedTransaction = false;
            boolean drop = watched && commitsUntilDrop.get() > 0 && commitsUntilDrop.decrementAndGet() == 0;
            if (drop) {
                drops.incrementAndGet();
            }
            return drop;
        }
    }

    private static boolean isCommit(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT);
        return s.equals("commit") || s.equals("end");
    }

    private static String cString(byte[] body, int from) {
        if (from > body.length) {
            return "";
        }
        int end = from;
        while (end < body.length && body[end] != 0) {
            end++;
        }
        return new String(body, from, end - from, StandardCharsets.UTF_8);
    }
}
