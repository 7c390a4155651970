package crdb.workshop.chunked.exercise;

import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.common.retry.RetryExecutor;
import java.util.List;

/** Exercise 04: what ChunkedWriter does inside, by hand: one retried transaction per chunk. */
public interface PointLoader {

    /**
     * Writes {@code points} in order, {@code chunkSize} per transaction, each transaction run by
     * {@code retry}. A chunk that fails leaves the chunks before it committed.
     *
     * @return how many chunks (transactions) committed
     * @throws IllegalArgumentException when {@code chunkSize} is below 1
     */
    int load(RetryExecutor retry, List<Point> points, int chunkSize);
}
