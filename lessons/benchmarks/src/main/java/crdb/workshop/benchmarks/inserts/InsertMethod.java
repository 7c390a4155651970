package crdb.workshop.benchmarks.inserts;

import crdb.workshop.chunked.mapper.Point;
import java.util.List;

/**
 * One way to get points into the table in chunks, named for the benchmark's table and chart.
 *
 * @param name     what it is, e.g. "MyBatis <foreach> multi-row INSERT"
 * @param rawJdbc  true for the hand-written JDBC baselines
 * @param strategy the SQL-level technique; a MyBatis method and its JDBC baseline share it
 * @param loader   writes all points, {@code chunkSize} per transaction
 */
public record InsertMethod(String name, boolean rawJdbc, Strategy strategy, Loader loader) {

    /** What goes over the wire, whichever API sends it. */
    public enum Strategy {
        ONE_INSERT_PER_ROW("one INSERT per row"),
        REWRITTEN_BATCH("batch, reWriteBatchedInserts"),
        MULTI_ROW_INSERT("multi-row INSERT"),
        ARRAY_INSERT("INSERT of arrays (unnest)"),
        COPY("COPY FROM STDIN");

        private final String description;

        Strategy(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    @FunctionalInterface
    public interface Loader {
        void load(List<Point> points, int chunkSize) throws Exception;
    }

    public void load(List<Point> points, int chunkSize) throws Exception {
        loader.load(points, chunkSize);
    }
}
