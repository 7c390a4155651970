package crdb.workshop.common.testing;

import crdb.workshop.common.url.ConnectionSettings;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback between pgjdbc and the server that can lose a COMMIT's answer on cue:
 * it forwards the COMMIT to the server, then drops the client's connection before any answer
 * comes back. The server commits; the client cannot know. That is an ambiguous commit, made for
 * real rather than simulated.
 *
 * <p>It reads the PostgreSQL wire protocol only as far as it must: message boundaries, and the SQL
 * text of Query and Parse messages (and which prepared statement is a COMMIT). It needs a
 * connection without TLS (the embedded server offers none, so pgjdbc's default sslmode=prefer
 * falls back to plain).
 */
public final class CommitDroppingProxy implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private volatile String watchedSql;
    private final AtomicInteger commitsUntilDrop = new AtomicInteger(-1);
    private final AtomicInteger drops = new AtomicInteger();

    private CommitDroppingProxy(ServerSocket listener, String targetHost, int targetPort) {
        this.listener = listener;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** A proxy in front of the server {@code settings} connects to. */
    public static CommitDroppingProxy start(ConnectionSettings settings) throws IOException {
        java.util.regex.Matcher url = java.util.regex.Pattern
                .compile("jdbc:postgresql://([^:/]+):(\\d+)/.*").matcher(settings.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalArgumentException("the proxy needs a single host:port JDBC URL");
        }
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        CommitDroppingProxy proxy = new CommitDroppingProxy(listener, url.group(1), Integer.parseInt(url.group(2)));
        Thread acceptor = new Thread(proxy::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    /** The same connection settings, routed through this proxy. */
    public ConnectionSettings route(ConnectionSettings settings) {
        String url = settings.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + listener.getLocalPort() + "/");
        return new ConnectionSettings(url, settings.properties(), settings.display() + " (through a proxy)");
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
        listener.close();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Connection connection = new Connection(client, server);
                daemon(connection::clientToServer, "proxy-up").start();
                daemon(connection::serverToClient, "proxy-down").start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    /** One client connection and its connection to the server. */
    private final class Connection {
        private final Socket client;
        private final Socket server;
        private volatile boolean dropped;
        private boolean watchedTransaction;
        private boolean commitInBatch;
        private String commitStatement;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void clientToServer() {
            try (DataInputStream in = new DataInputStream(client.getInputStream())) {
                OutputStream out = server.getOutputStream();
                int code;
                do { // untyped messages until the startup message: SSL and GSS requests first
                    int length = in.readInt();
                    byte[] body = in.readNBytes(length - 4);
                    code = body.length >= 4 ? java.nio.ByteBuffer.wrap(body).getInt() : 0;
                    out.write(java.nio.ByteBuffer.allocate(4).putInt(length).array());
                    out.write(body);
                    out.flush();
                } while (code == SSL_REQUEST || code == GSS_REQUEST);
                while (true) {
                    byte type = in.readByte();
                    int length = in.readInt();
                    byte[] body = in.readNBytes(length - 4);
                    // Decided before forwarding: once the server has the COMMIT, its answer can
                    // reach the other thread before this one would get to drop the client.
                    boolean loseTheAnswer = inspect(type, body);
                    if (loseTheAnswer) {
                        dropped = true;
                    }
                    out.write(type);
                    out.write(java.nio.ByteBuffer.allocate(4).putInt(length).array());
                    out.write(body);
                    out.flush();
                    if (loseTheAnswer) {
                        drop();
                        return;
                    }
                }
            } catch (IOException e) {
                closeBoth();
            }
        }

        /** Reads what a message says; true when this connection is to be dropped now. */
        private boolean inspect(byte type, byte[] body) {
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
            return watched && commitsUntilDrop.get() > 0 && commitsUntilDrop.decrementAndGet() == 0;
        }

        /**
         * The client loses the connection now, before any answer. The server side stays open a
         * moment, drained, so the server reads the COMMIT and commits before it sees the end.
         */
        private void drop() {
            dropped = true;
            drops.incrementAndGet();
            try {
                client.close();
                Thread.sleep(1_000);
            } catch (IOException | InterruptedException e) {
                // closing anyway
            }
            closeBoth();
        }

        void serverToClient() {
            byte[] buffer = new byte[8192];
            try (InputStream in = server.getInputStream()) {
                OutputStream out = client.getOutputStream();
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (!dropped) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // the other side went away
            }
            if (!dropped) {
                closeBoth();
            } else {
                drainUntilClosed();
            }
        }

        private void drainUntilClosed() {
            try {
                server.getInputStream().transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // closed
            }
        }

        private void closeBoth() {
            try {
                client.close();
            } catch (IOException e) {
                // already closed
            }
            try {
                server.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private static boolean isCommit(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT);
        return s.equals("commit") || s.equals("end");
    }

    private static String cString(byte[] body, int from) {
        int end = from;
        while (end < body.length && body[end] != 0) {
            end++;
        }
        if (from > body.length) {
            return "";
        }
        return new String(body, from, end - from, StandardCharsets.UTF_8);
    }
}
