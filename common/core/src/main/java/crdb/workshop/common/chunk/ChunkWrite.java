package crdb.workshop.common.chunk;

import java.util.List;
import org.apache.ibatis.session.SqlSession;

/**
 * Writes one chunk of rows inside the transaction {@link ChunkedWriter} opened for it.
 *
 * <p>It may run more than once for the same chunk (the database asked for a retry, or a COMMIT's
 * outcome was unknown), and a re-run of the whole load sends chunks that already committed once
 * more. So the write must be idempotent: give rows client-generated keys and insert with
 * {@code INSERT ... ON CONFLICT (id) DO NOTHING} (or UPSERT on CockroachDB). Do not commit, roll
 * back or close the session, and change nothing outside the database.
 */
@FunctionalInterface
public interface ChunkWrite<T> {

    /**
     * @param session the chunk's session; take mappers (or the connection, for COPY) from it
     * @param chunk   the rows of this chunk, the same list on every attempt; read-only
     */
    void write(SqlSession session, List<T> chunk);
}
