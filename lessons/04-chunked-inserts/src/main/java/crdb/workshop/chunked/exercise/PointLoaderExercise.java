package crdb.workshop.chunked.exercise;

import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.chunked.mapper.PointMapper;
import crdb.workshop.common.chunk.BindParameterLimit;
import crdb.workshop.common.retry.RetryExecutor;
import java.util.List;

/**
 * Your turn: the tutorial's add_points, in Java. The placeholder below is rejected by the tests.
 * Check your work: ./mvnw -q -pl lessons/04-chunked-inserts -am test-compile exec:java@exercises
 */
public class PointLoaderExercise implements PointLoader {

    // TODO-01: Refuse a chunkSize below 1: throw an IllegalArgumentException whose message says
    //          what is wrong ("chunk size must be at least 1, was 0"), before writing anything.
    //
    // TODO-02: Walk through the points in steps of chunkSize. Write each chunk,
    //          points.subList(from, Math.min(from + chunkSize, points.size())), in a transaction of
    //          its own: retry.useTransaction(session -> insertChunk(session.getMapper(PointMapper.class),
    //          chunk)). Count the chunks and return the count. (Why a chunk per call, not one call for
    //          everything? A retry then re-sends one chunk, and a failure keeps the chunks before it.)
    @Override
    public int load(RetryExecutor retry, List<Point> points, int chunkSize) {
        return -1;
    }

    // TODO-03 (Optional): pgjdbc sends at most 65,535 bind parameters per statement, 16,383 points.
    //          Let a chunk be bigger than that: send one insertAll per slice,
    //          BindParameterLimit.slices(chunk, Point.COLUMNS), all in the caller's transaction.
    void insertChunk(PointMapper mapper, List<Point> chunk) {
        mapper.insertAll(chunk); // the placeholder: one statement, however big the chunk
    }
}
