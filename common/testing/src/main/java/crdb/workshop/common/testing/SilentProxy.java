package crdb.workshop.common.testing;

import crdb.workshop.common.url.ConnectionSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on loopback that, on cue, goes silent: from then on it forwards nothing and answers
 * nothing, but keeps every connection open and accepts new ones, as a server behind a network path
 * that went dead does. No connection is refused or reset, so the client learns of it only from its
 * own timeouts: the hardest case for a give-up time.
 */
public final class SilentProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean silent;
    private volatile long silentSince;

    private SilentProxy(ServerSocket listener, String targetHost, int targetPort) {
        this.listener = listener;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** A proxy in front of the server {@code settings} connects to (a single host:port JDBC URL). */
    public static SilentProxy start(ConnectionSettings settings) throws IOException {
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/.*").matcher(settings.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalArgumentException("the proxy needs a single host:port JDBC URL");
        }
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SilentProxy proxy = new SilentProxy(listener, url.group(1), Integer.parseInt(url.group(2)));
        Thread acceptor = new Thread(proxy::accept, "silent-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    /** Where the proxy listens: {@code 127.0.0.1:port}. */
    public String hostAndPort() {
        return listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort();
    }

    /** {@code settings} with this proxy in place of the server's host and port. */
    public ConnectionSettings route(ConnectionSettings settings) {
        return new ConnectionSettings(settings.jdbcUrl().replaceFirst("//[^/]+/", "//" + hostAndPort() + "/"),
                settings.properties(), settings.display() + " (through a proxy that goes silent)");
    }

    /** From now on nothing passes in either direction; connections stay open. */
    public synchronized void goSilent() {
        if (!silent) {
            silentSince = System.nanoTime();
            silent = true;
        }
    }

    /** When the proxy went silent (a System.nanoTime() reading), or 0 while it still forwards. */
    public long silentSince() {
        return silentSince;
    }

    /**
     * A stream for a lesson's output: it keeps what is printed in {@code printed} and makes the
     * proxy go silent once that holds {@code text}, so the server goes away at a known step.
     */
    public PrintStream silentOncePrinted(String text, ByteArrayOutputStream printed) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                printed.write(b);
                if (!silent && printed.toString(StandardCharsets.UTF_8).contains(text)) {
                    goSilent();
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                if (silent) {
                    continue; // accepted, never answered
                }
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(server);
                pump(client, server, "silent-proxy-up");
                pump(server, client, "silent-proxy-down");
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (!silent) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // One side closed: the other side's pump ends too once we close below.
            }
            if (!silent) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(SilentProxy::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
