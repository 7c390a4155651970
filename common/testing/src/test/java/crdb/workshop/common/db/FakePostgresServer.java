package crdb.workshop.common.db;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on loopback that speaks just enough of the PostgreSQL protocol to ask a client for
 * its password in clear text, and records every byte it is sent. It refuses TLS, takes the
 * password, and answers "wrong password" (SQLSTATE 28P01).
 */
public final class FakePostgresServer implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    private final ServerSocket socket;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    public FakePostgresServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptAll, "fake-postgres-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public String hostAndPort() {
        return "127.0.0.1:" + port();
    }

    public int connections() {
        return connections.get();
    }

    /** Everything clients sent, as Latin-1 text (the password arrives as plain bytes). */
    public synchronized String received() {
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
                client.setSoTimeout(10_000);
                converse(new DataInputStream(client.getInputStream()), new DataOutputStream(client.getOutputStream()));
            } catch (IOException e) {
                // The client hung up, or we are closing: either way, on to the next one.
            }
        }
    }

    private void converse(DataInputStream in, DataOutputStream out) throws IOException {
        int code;
        byte[] body;
        do {
            int length = in.readInt();
            code = in.readInt();
            body = in.readNBytes(length - 8);
            record(body);
            if (code == SSL_REQUEST || code == GSS_REQUEST) {
                out.writeByte('N');
                out.flush();
            }
        } while (code == SSL_REQUEST || code == GSS_REQUEST);
        // AuthenticationCleartextPassword.
        out.writeByte('R');
        out.writeInt(8);
        out.writeInt(3);
        out.flush();
        byte type = in.readByte();
        int length = in.readInt();
        byte[] password = in.readNBytes(length - 4);
        record(new byte[] {type});
        record(password);
        byte[] error = ("SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed\0\0")
                .getBytes(StandardCharsets.US_ASCII);
        out.writeByte('E');
        out.writeInt(error.length + 4);
        out.write(error);
        out.flush();
    }

    private synchronized void record(byte[] bytes) {
        received.writeBytes(bytes);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
