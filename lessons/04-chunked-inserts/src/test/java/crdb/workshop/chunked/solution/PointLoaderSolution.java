package crdb.workshop.chunked.solution;

import crdb.workshop.chunked.exercise.PointLoader;
import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.chunked.mapper.PointMapper;
import crdb.workshop.common.chunk.BindParameterLimit;
import crdb.workshop.common.retry.RetryExecutor;
import java.util.List;

/** The reference solution to exercise 04. Try the exercise before you read it. */
public class PointLoaderSolution implements PointLoader {

    // tag::load[]
    @Override
    public int load(RetryExecutor retry, List<Point> points, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, was " + chunkSize);
        }
        int chunks = 0;
        for (int from = 0; from < points.size(); from += chunkSize) {
            List<Point> chunk = points.subList(from, Math.min(from + chunkSize, points.size()));
            retry.useTransaction(session -> {
                PointMapper mapper = session.getMapper(PointMapper.class);
                for (List<Point> statement : BindParameterLimit.slices(chunk, Point.COLUMNS)) {
                    mapper.insertAll(statement);
                }
            });
            chunks++; // after useTransaction returned: the chunk is committed
        }
        return chunks;
    }
    // end::load[]
}
