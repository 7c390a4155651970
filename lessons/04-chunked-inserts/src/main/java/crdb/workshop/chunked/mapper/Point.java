package crdb.workshop.chunked.mapper;

import java.util.UUID;

/** One row of the points table (schema.sql). */
public record Point(UUID id, double x, double y, double z) {

    /** Bind parameters one point takes in an INSERT: id, x, y, z. */
    public static final int COLUMNS = 4;
}
