package crdb.workshop.benchmarks.transfers;

import crdb.workshop.common.testing.WireRelay;
import crdb.workshop.common.url.ConnectionSettings;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what clients send, message by message, on a {@link WireRelay} in front of the server. A
 * round trip is a turn of the conversation: the client sends, having heard from the server since
 * it last sent (messages a client pipelines, such as pgjdbc's BEGIN in front of the first
 * statement, ride in the same turn). Each Execute ('E') or simple Query ('Q') is a statement run.
 */
public final class WireCounter implements AutoCloseable {

    private final LongAdder roundTrips = new LongAdder();
    private final LongAdder statements = new LongAdder();
    private WireRelay relay;

    private WireCounter() {
    }

    /** Starts a relay in front of the server {@code settings} connects to (on this machine). */
    public static WireCounter start(ConnectionSettings settings) throws IOException {
        WireCounter counter = new WireCounter();
        counter.relay = WireRelay.start(settings, () -> (type, body, serverSpoke) -> {
            if (serverSpoke) {
                counter.roundTrips.increment(); // the client waited for the server, and now speaks again
            }
            if (type == 'E' || type == 'Q') {
                counter.statements.increment();
            }
            return false;
        });
        return counter;
    }

    /** The connection settings that go through the counter. */
    public ConnectionSettings route(ConnectionSettings settings) {
        return relay.route(settings);
    }

    public long roundTrips() {
        return roundTrips.sum();
    }

    public long statements() {
        return statements.sum();
    }

    @Override
    public void close() throws IOException {
        relay.close();
    }
}
