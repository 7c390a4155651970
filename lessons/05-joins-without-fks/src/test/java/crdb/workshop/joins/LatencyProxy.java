package crdb.workshop.joins;

import crdb.workshop.common.url.ConnectionSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on loopback that delivers every byte {@code delay} later than it arrived, in each
 * direction: a server in another region, as far as the client can tell. Bytes are not held back
 * behind each other (a chunk read while an earlier one waits is sent {@code delay} after its own
 * arrival), so it adds latency, not a bandwidth limit. It reads nothing of the protocol.
 */
final class LatencyProxy implements AutoCloseable {

    /** A chunk of bytes and when it may go on. */
    private record Chunk(long dueNanos, byte[] bytes) {
        static final Chunk END = new Chunk(0, new byte[0]);
    }

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final long delayNanos;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private LatencyProxy(ServerSocket listener, String targetHost, int targetPort, Duration delay) {
        this.listener = listener;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.delayNanos = delay.toNanos();
    }

    /** A proxy in front of the server {@code settings} connects to, adding {@code delay} each way. */
    static LatencyProxy start(ConnectionSettings settings, Duration delay) throws IOException {
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/.*").matcher(settings.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalArgumentException("the proxy needs a single host:port JDBC URL");
        }
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        LatencyProxy proxy = new LatencyProxy(listener, url.group(1), Integer.parseInt(url.group(2)), delay);
        daemon(proxy::accept, "latency-accept");
        return proxy;
    }

    /** The same connection settings, routed through this proxy. */
    ConnectionSettings route(ConnectionSettings settings) {
        String url = settings.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + listener.getLocalPort() + "/");
        return new ConnectionSettings(url, settings.properties(), settings.display() + " (through a latency proxy)");
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(server);
                relay(client, server);
                relay(server, client);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** One direction: a reader stamps each chunk with its due time; a writer sends it then. */
    private void relay(Socket from, Socket to) throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        daemon(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    queue.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException e) {
                // the socket closed: end this direction
            }
            queue.add(Chunk.END);
        }, "latency-read");
        daemon(() -> {
            try {
                for (Chunk chunk = queue.take(); chunk != Chunk.END; chunk = queue.take()) {
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the other side closed
            }
            close(from);
            close(to);
        }, "latency-write");
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(LatencyProxy::close);
    }
}
