package crdb.workshop.chunked.mapper;

import java.util.List;
import java.util.UUID;

/**
 * A chunk of points turned on its side: one array per column. Sent as four array parameters, a
 * chunk of any size is one statement with the same text, which MyBatis parses once, at start-up.
 */
public record PointColumns(UUID[] ids, double[] xs, double[] ys, double[] zs) {

    public static PointColumns of(List<Point> points) {
        int n = points.size();
        UUID[] ids = new UUID[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] zs = new double[n];
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            ids[i] = p.id();
            xs[i] = p.x();
            ys[i] = p.y();
            zs[i] = p.z();
        }
        return new PointColumns(ids, xs, ys, zs);
    }
}
