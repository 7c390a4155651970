package crdb.workshop.chunked;

import crdb.workshop.chunked.mapper.Point;
import crdb.workshop.chunked.mapper.PointMapper;
import crdb.workshop.common.retry.RetryExecutor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a re-run needs to know before it writes: which of the load's points are already in the
 * table. The keys are computed from the load (Points.java), so the lesson asks for exactly its own
 * rows, a chunk at a time, and touches nobody else's.
 */
final class LoadResume {

    /** Ids per statement: one bind parameter each, far below pgjdbc's 65,535. */
    private static final int IDS_PER_STATEMENT = 1_000;

    private LoadResume() {
    }

    // tag::missing[]
    /** The points of {@code load} not in the table yet, in load order; each look-up a read-only unit. */
    static List<Point> missing(RetryExecutor retry, List<Point> load) {
        Set<UUID> present = new HashSet<>();
        for (List<Point> part : parts(load)) {
            List<UUID> ids = part.stream().map(Point::id).toList();
            present.addAll(retry.inReadOnlyTransaction(session -> session.getMapper(PointMapper.class).findIds(ids)));
        }
        return load.stream().filter(point -> !present.contains(point.id())).toList();
    }
    // end::missing[]

    /** Deletes the points of {@code load}, and only those; returns how many were there. */
    static int delete(RetryExecutor retry, List<Point> load) {
        int deleted = 0;
        for (List<Point> part : parts(load)) {
            List<UUID> ids = part.stream().map(Point::id).toList();
            // Deleting by key is idempotent: a lost COMMIT answer can be retried safely.
            deleted += retry.inIdempotentTransaction(session -> session.getMapper(PointMapper.class).deleteByIds(ids));
        }
        return deleted;
    }

    private static List<List<Point>> parts(List<Point> load) {
        List<List<Point>> parts = new ArrayList<>();
        for (int from = 0; from < load.size(); from += IDS_PER_STATEMENT) {
            parts.add(load.subList(from, Math.min(from + IDS_PER_STATEMENT, load.size())));
        }
        return parts;
    }
}
