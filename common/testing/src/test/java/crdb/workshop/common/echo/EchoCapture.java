package crdb.workshop.common.echo;

import crdb.workshop.common.mybatis.SqlEcho;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Echo turned on into a buffer for one test, as --echo-sql turns it on for a lesson. */
final class EchoCapture implements AutoCloseable {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    private EchoCapture() {
        SqlEcho.echoTo(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    static EchoCapture start() {
        return new EchoCapture();
    }

    /** Everything echoed so far; after {@link #close()}, everything, held lines included. */
    List<String> lines() {
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Override
    public void close() {
        SqlEcho.echoTo(null);
    }
}
