package crdb.workshop.transfers.benchmark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback proxy in front of the server that counts what clients send, message by message, in
 * PostgreSQL's wire protocol. A round trip is a turn of the conversation: the client sends, having
 * heard from the server since it last sent (messages a client pipelines, such as pgjdbc's BEGIN in
 * front of the first statement, ride in the same turn). Each Execute ('E') or simple Query ('Q')
 * is a statement run. The bytes pass through unchanged. Connect with sslmode=disable: an
 * encrypted stream cannot be read (such a connection is forwarded and counted as unreadable).
 */
public final class WireCounter implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final LongAdder roundTrips = new LongAdder();
    private final LongAdder statements = new LongAdder();
    private final LongAdder unreadable = new LongAdder();

    private WireCounter(ServerSocket listener, InetSocketAddress server) {
        this.listener = listener;
        this.server = server;
    }

    /** Listens on a free loopback port and forwards every connection to {@code host:port}. */
    public static WireCounter start(String host, int port) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        WireCounter counter = new WireCounter(listener, new InetSocketAddress(host, port));
        Thread accept = new Thread(counter::acceptLoop, "wire-counter");
        accept.setDaemon(true);
        accept.start();
        return counter;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public long roundTrips() {
        return roundTrips.sum();
    }

    public long statements() {
        return statements.sum();
    }

    /** Connections that switched to TLS, whose messages could not be counted. */
    public long unreadableConnections() {
        return unreadable.sum();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket();
                upstream.connect(server, 10_000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                AtomicBoolean serverSpoke = new AtomicBoolean();
                pump("wire-counter-up", () -> countAndForward(new BufferedInputStream(client.getInputStream()),
                        new BufferedOutputStream(upstream.getOutputStream()), serverSpoke), client, upstream);
                pump("wire-counter-down", () -> forward(upstream.getInputStream(), client.getOutputStream(),
                        serverSpoke), client, upstream);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private interface Io {
        void run() throws IOException;
    }

    private void pump(String name, Io io, Socket a, Socket b) {
        Thread thread = new Thread(() -> {
            try {
                io.run();
            } catch (IOException e) {
                // the other side went away: close both below
            } finally {
                closeQuietly(a);
                closeQuietly(b);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Client to server: startup messages first (no type byte), then typed messages. */
    private void countAndForward(InputStream from, OutputStream to, AtomicBoolean serverSpoke) throws IOException {
        DataInputStream in = new DataInputStream(from);
        byte[] buffer = new byte[8192];
        int length = in.readInt(); // the startup message has no type byte
        int code = in.readInt();
        writeInt(to, length);
        writeInt(to, code);
        copy(in, to, length - 8, buffer);
        to.flush();
        if (code == SSL_REQUEST || code == GSSENC_REQUEST) {
            unreadable.increment(); // what follows may be encrypted: forward it uncounted
            transfer(in, to, buffer);
            return;
        }
        while (true) {
            int type = in.read();
            if (type < 0) {
                return;
            }
            length = in.readInt();
            if (serverSpoke.getAndSet(false)) {
                roundTrips.increment(); // the client waited for the server, and now speaks again
            }
            if (type == 'E' || type == 'Q') {
                statements.increment();
            }
            to.write(type);
            writeInt(to, length);
            copy(in, to, length - 4, buffer);
            if (in.available() == 0) {
                to.flush(); // the client has said all it has to say for now
            }
        }
    }

    /** Server to client: passes the bytes on and notes that the server has spoken. */
    private static void forward(InputStream in, OutputStream out, AtomicBoolean serverSpoke) throws IOException {
        byte[] buffer = new byte[16384];
        for (int read; (read = in.read(buffer)) >= 0; ) {
            serverSpoke.set(true); // before the client can hear it and answer
            out.write(buffer, 0, read);
            out.flush();
        }
    }

    private static void copy(DataInputStream in, OutputStream out, int n, byte[] buffer) throws IOException {
        while (n > 0) {
            int read = in.read(buffer, 0, Math.min(n, buffer.length));
            if (read < 0) {
                throw new EOFException();
            }
            out.write(buffer, 0, read);
            n -= read;
        }
    }

    private static void transfer(InputStream in, OutputStream out, byte[] buffer) throws IOException {
        for (int read; (read = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, read);
            out.flush();
        }
    }

    private static void writeInt(OutputStream out, int value) throws IOException {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }
}
