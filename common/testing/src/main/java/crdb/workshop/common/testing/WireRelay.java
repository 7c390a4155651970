package crdb.workshop.common.testing;

import crdb.workshop.common.url.ConnectionSettings;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A relay on loopback between pgjdbc and a server on this machine that reads PostgreSQL's wire
 * protocol from the client, message by message, and shows each to a {@link Watcher} before it
 * goes on. The benchmark's round-trip counter and the fault tests' COMMIT-dropping proxy are both
 * watchers on it. The bytes pass through unchanged.
 *
 * <p>It reads the client's messages, so it refuses TLS (it answers 'N' to an SSL or GSS request,
 * as a server without TLS does) and relays only to a server on loopback: a password never crosses
 * a network unencrypted because of it.
 */
public final class WireRelay implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;

    /** Sees one client connection's messages. One watcher per connection, called from one thread. */
    public interface Watcher {

        /**
         * A message from the client, before it goes to the server.
         *
         * @param type         the message type ('Q', 'P', 'B', 'E', 'S'...)
         * @param body         the message after its type and length
         * @param serverSpoke  whether the server sent anything since the client's previous message
         * @return true to lose everything the server answers from now on: the message goes to the
         *         server, and the client's connection is cut before any answer can reach it
         */
        boolean cutAfter(byte type, byte[] body, boolean serverSpoke);
    }

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final Supplier<Watcher> watchers;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private WireRelay(ServerSocket listener, InetSocketAddress server, Supplier<Watcher> watchers) {
        this.listener = listener;
        this.server = server;
        this.watchers = watchers;
    }

    /**
     * A relay in front of the server {@code settings} connects to, which must be a single host on
     * loopback; each connection gets a watcher from {@code watchers}.
     */
    public static WireRelay start(ConnectionSettings settings, Supplier<Watcher> watchers) throws IOException {
        URI uri = URI.create(settings.jdbcUrl().substring("jdbc:".length()));
        if (uri.getHost() == null || uri.getHost().contains(",")) {
            throw new IllegalStateException("the URL names no single host");
        }
        InetAddress host;
        try {
            host = InetAddress.getByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the host in the URL is not known here");
        }
        if (!host.isLoopbackAddress()) {
            throw new IllegalStateException("the server is not on this machine, and a relay that reads the"
                    + " messages would send them (and the password) over the network without TLS");
        }
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        WireRelay relay = new WireRelay(listener, new InetSocketAddress(host, uri.getPort() < 0 ? 5432 : uri.getPort()),
                watchers);
        Thread accept = new Thread(relay::acceptLoop, "wire-relay");
        accept.setDaemon(true);
        accept.start();
        return relay;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The same connection settings, through this relay, without TLS (both legs are on loopback). */
    public ConnectionSettings route(ConnectionSettings settings) {
        String url = settings.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + port() + "/");
        Properties properties = settings.properties();
        properties.setProperty("sslmode", "disable");
        properties.setProperty("gssEncMode", "disable");
        return new ConnectionSettings(url, properties, settings.display() + " (through a wire relay)");
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket();
                sockets.add(client);
                sockets.add(upstream);
                upstream.connect(server, 10_000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                Connection connection = new Connection(client, upstream, watchers.get());
                daemon(connection::clientToServer, "wire-relay-up");
                daemon(connection::serverToClient, "wire-relay-down");
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
                // the server refused this one connection: the client sees it closed
            }
        }
    }

    private static void daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** One client connection and its connection to the server. */
    private static final class Connection {
        private final Socket client;
        private final Socket server;
        private final Watcher watcher;
        private volatile boolean serverSpoke;
        private volatile boolean cut;

        Connection(Socket client, Socket server, Watcher watcher) {
            this.client = client;
            this.server = server;
            this.watcher = watcher;
        }

        void clientToServer() {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()))) {
                OutputStream out = new BufferedOutputStream(server.getOutputStream());
                while (true) { // untyped messages until the startup message: SSL and GSS requests first
                    int length = in.readInt();
                    byte[] body = in.readNBytes(length - 4);
                    int code = body.length >= 4 ? ByteBuffer.wrap(body).getInt() : 0;
                    if (code != SSL_REQUEST && code != GSSENC_REQUEST) {
                        out.write(ByteBuffer.allocate(4).putInt(length).array());
                        out.write(body);
                        out.flush();
                        break;
                    }
                    client.getOutputStream().write('N'); // no encryption here: go on in plain text
                    client.getOutputStream().flush();
                }
                while (true) {
                    int type = in.read();
                    if (type < 0) {
                        break;
                    }
                    int length = in.readInt();
                    byte[] body = in.readNBytes(length - 4);
                    boolean spoke = serverSpoke;
                    serverSpoke = false;
                    // Decided before forwarding: once the server has the message, its answer could
                    // reach the client before this thread got to cut it off.
                    boolean cutNow = watcher.cutAfter((byte) type, body, spoke);
                    if (cutNow) {
                        cut = true;
                    }
                    out.write(type);
                    out.write(ByteBuffer.allocate(4).putInt(length).array());
                    out.write(body);
                    if (cutNow) {
                        out.flush();
                        cutTheClient();
                        return;
                    }
                    if (in.available() == 0) {
                        out.flush(); // the client has said all it has to say for now
                    }
                }
            } catch (IOException e) {
                // one side went away
            }
            closeBoth();
        }

        /**
         * The client loses the connection now, before any answer. The server's side stays open a
         * moment, drained, so the server reads what it was sent and acts on it before it sees the end.
         */
        private void cutTheClient() {
            closeQuietly(client);
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeBoth();
        }

        void serverToClient() {
            byte[] buffer = new byte[16384];
            try (InputStream in = server.getInputStream()) {
                OutputStream out = client.getOutputStream();
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    serverSpoke = true; // before the client can hear it and answer
                    if (!cut) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side went away
            }
            if (!cut) {
                closeBoth();
            }
        }

        private void closeBoth() {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
