package crdb.workshop.chunked;

import crdb.workshop.chunked.mapper.Point;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The tutorial's random points, made reproducible: point {@code i} of load {@code "L"} is the same
 * on every run, id included. That is what makes a re-run idempotent: it sends the same keys.
 *
 * <p>The tutorial builds its points inside the retried function, so a retry writes different
 * points than the first attempt did. These are made once, before any transaction.
 */
public final class Points {

    /** The side of the cube the points lie in, as in the tutorial's {@code random() * 1024}. */
    public static final double SIDE = 1024;

    private Points() {
    }

    // tag::generate[]
    /** Points 0 to {@code count - 1} of the load named {@code load}. */
    public static List<Point> generate(String load, int count) {
        List<Point> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            points.add(point(load, i));
        }
        return points;
    }

    /** Point {@code index} of {@code load}: a name-based UUID, and coordinates seeded by it. */
    public static Point point(String load, int index) {
        UUID id = UUID.nameUUIDFromBytes((load + "/" + index).getBytes(StandardCharsets.UTF_8));
        SplittableRandom random = new SplittableRandom(id.getMostSignificantBits() ^ id.getLeastSignificantBits());
        return new Point(id, random.nextDouble() * SIDE, random.nextDouble() * SIDE, random.nextDouble() * SIDE);
    }
    // end::generate[]
}
