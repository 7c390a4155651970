package crdb.workshop.common.chunk;

import static crdb.workshop.common.testing.Sql.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.ServerError;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ChunkedWriter on a real database: a chunk is a transaction, a failure keeps the chunks
 * before it, a retry re-sends one chunk, and a re-run adds nothing twice. Rows go into a small
 * table of this test's own; its CHECK constraint refuses the label "bad", a real failure.
 */
@DatabaseTest
class ChunkedWriterTest {

    private static final int CHUNK = 4;

    /** One row of the test table. */
    record Row(long id, String label) {
    }

    /** An idempotent chunk write: one multi-row INSERT ... ON CONFLICT DO NOTHING per chunk. */
    private static final ChunkWrite<Row> INSERT = (session, chunk) -> {
        StringBuilder sql = new StringBuilder("INSERT INTO chunk_rows (id, label) VALUES ");
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
        }
        sql.append(" ON CONFLICT (id) DO NOTHING");
        try (PreparedStatement insert = session.getConnection().prepareStatement(sql.toString())) {
            for (int i = 0; i < chunk.size(); i++) {
                insert.setLong(2 * i + 1, chunk.get(i).id());
                insert.setString(2 * i + 2, chunk.get(i).label());
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    };

    private final Database database;

    ChunkedWriterTest(Database database) {
        this.database = database;
    }

    @BeforeAll
    static void createTable(Database database) throws SQLException {
        execute(database, "CREATE TABLE chunk_rows (id INT8 PRIMARY KEY, label TEXT NOT NULL,"
                + " CONSTRAINT chunk_rows_not_bad CHECK (label <> 'bad'))");
    }

    @BeforeEach
    void emptyTable() throws SQLException {
        execute(database, "DELETE FROM chunk_rows");
    }

    private static List<Row> rows(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Row(i, "row " + i)).toList();
    }

    private ChunkedWriter<Row> writer(ChunkWrite<Row> write) {
        return ChunkedWriter.<Row>into(database.sessionFactory()).chunkSize(CHUNK).build(write);
    }

    /** Wraps INSERT to record each chunk the writer hands over (tests only: a real write keeps no state). */
    private static ChunkWrite<Row> recording(List<List<Row>> seen) {
        return (session, chunk) -> {
            seen.add(List.copyOf(chunk));
            INSERT.write(session, chunk);
        };
    }

    @Test
    void noRowsMeanNoChunksAndNoTransactions() throws SQLException {
        List<List<Row>> seen = new ArrayList<>();
        ChunkedWriteReport report = writer(recording(seen)).write(List.of());
        assertThat(report.rows()).isZero();
        assertThat(report.chunks()).isZero();
        assertThat(seen).isEmpty();
        assertThat(table()).isEmpty();
    }

    @Test
    void oneRowIsOneChunk() throws SQLException {
        List<List<Row>> seen = new ArrayList<>();
        ChunkedWriteReport report = writer(recording(seen)).write(rows(1));
        assertThat(report.rows()).isEqualTo(1);
        assertThat(report.chunks()).isEqualTo(1);
        assertThat(seen).containsExactly(rows(1));
        assertThat(table()).containsExactlyElementsOf(rows(1));
    }

    @Test
    void exactlyOneChunkOfRowsIsOneChunk() throws SQLException {
        List<List<Row>> seen = new ArrayList<>();
        ChunkedWriteReport report = writer(recording(seen)).write(rows(CHUNK));
        assertThat(report.chunks()).isEqualTo(1);
        assertThat(seen).extracting(List::size).containsExactly(CHUNK);
        assertThat(table()).containsExactlyElementsOf(rows(CHUNK));
    }

    @Test
    void oneRowMoreThanAChunkStartsASecondChunk() throws SQLException {
        List<List<Row>> seen = new ArrayList<>();
        ChunkedWriteReport report = writer(recording(seen)).write(rows(CHUNK + 1));
        assertThat(report.rows()).isEqualTo(CHUNK + 1);
        assertThat(report.chunks()).isEqualTo(2);
        assertThat(seen).extracting(List::size).containsExactly(CHUNK, 1);
        assertThat(table()).containsExactlyElementsOf(rows(CHUNK + 1));
    }

    @Test
    void rowsOfUnknownCountAreReadOneChunkAtATime() throws SQLException {
        List<Row> all = rows(10);
        Iterable<Row> stream = () -> new Iterator<>() { // not a Collection: the writer cannot know the size
            private int next;

            @Override
            public boolean hasNext() {
                return next < all.size();
            }

            @Override
            public Row next() {
                return all.get(next++);
            }
        };
        ChunkedWriteReport report = writer(INSERT).write(stream);
        assertThat(report.chunks()).isEqualTo(3);
        assertThat(table()).containsExactlyElementsOf(all);
    }

    @Test
    void aFailedChunkKeepsTheChunksBeforeItAndNothingOfItself() throws SQLException {
        List<Row> input = new ArrayList<>(rows(14));
        input.set(9, new Row(9, "bad")); // row 10 of 14: chunk 3 holds rows 9 to 12

        assertThatThrownBy(() -> writer(INSERT).write(input))
                .isInstanceOfSatisfying(ChunkFailedException.class, e -> {
                    assertThat(e.chunk()).isEqualTo(3);
                    assertThat(e.committed().chunks()).isEqualTo(2);
                    assertThat(e.committed().rows()).isEqualTo(8);
                })
                .hasMessageContaining("Chunk 3 (rows 9 to 12) failed and was rolled back")
                .hasMessageContaining("The 2 chunks before it (8 rows) are committed")
                .satisfies(e -> assertThat(ServerError.in(e))
                        .isEqualTo(new ServerError("23514", "chunk_rows_not_bad"))); // check_violation
        assertThat(table()).containsExactlyElementsOf(rows(8));
    }

    @Test
    void aReRunAfterAFailureCompletesTheLoadWithoutDuplicates() throws SQLException {
        List<Row> input = new ArrayList<>(rows(14));
        input.set(9, new Row(9, "bad"));
        assertThatThrownBy(() -> writer(INSERT).write(input)).isInstanceOf(ChunkFailedException.class);

        input.set(9, new Row(9, "row 9")); // the input fixed, the same load run again
        ChunkedWriteReport report = writer(INSERT).write(input);

        assertThat(report.rows()).isEqualTo(14);
        assertThat(report.chunks()).isEqualTo(4);
        assertThat(table()).containsExactlyElementsOf(rows(14));
    }

    @Test
    void aRetryResendsOnlyTheChunkThatFailed() throws SQLException {
        assumeFalse(database.isCockroachDb(), "the fault is injected with a PostgreSQL constraint trigger");
        // At COMMIT of the chunk holding row 5, raise 40001 once. Sequences count attempts and
        // statements: nextval survives the rollback that a table update would not.
        execute(database, "CREATE SEQUENCE chunk_fault_fired");
        execute(database, "CREATE SEQUENCE chunk_inserts");
        execute(database, "CREATE FUNCTION chunk_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF nextval('chunk_fault_fired') = 1 THEN"
                + " RAISE EXCEPTION 'injected serialization failure' USING ERRCODE = '40001'; END IF;"
                + " RETURN NULL; END $$");
        execute(database, "CREATE CONSTRAINT TRIGGER chunk_fault AFTER INSERT ON chunk_rows"
                + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.id = 5) EXECUTE FUNCTION chunk_fault()");
        execute(database, "CREATE FUNCTION count_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " PERFORM nextval('chunk_inserts'); RETURN NULL; END $$");
        execute(database, "CREATE TRIGGER count_insert AFTER INSERT ON chunk_rows"
                + " FOR EACH STATEMENT EXECUTE FUNCTION count_insert()");
        try {
            List<List<Row>> seen = new ArrayList<>();
            ChunkedWriteReport report = writer(recording(seen)).write(rows(12));

            assertThat(report.chunks()).isEqualTo(3);
            assertThat(report.retries()).isEqualTo(1);
            assertThat(seen).containsExactly(rows(12).subList(0, 4), rows(12).subList(4, 8), rows(12).subList(4, 8),
                    rows(12).subList(8, 12));
            assertThat(sequenceValue("chunk_inserts")).as("INSERT statements sent").isEqualTo(4);
            assertThat(table()).containsExactlyElementsOf(rows(12));
        } finally {
            execute(database, "DROP TRIGGER chunk_fault ON chunk_rows");
            execute(database, "DROP TRIGGER count_insert ON chunk_rows");
        }
    }

    @Test
    void theBatchExecutorSendsTheChunkAtCommit() throws SQLException {
        ChunkWrite<Row> eachRow = (session, chunk) -> {
            for (Row row : chunk) {
                INSERT.write(session, List.of(row));
            }
        };
        ChunkedWriteReport report = ChunkedWriter.<Row>into(database.sessionFactory())
                .chunkSize(CHUNK).executorType(ExecutorType.BATCH).build(eachRow).write(rows(9));
        assertThat(report.chunks()).isEqualTo(3);
        assertThat(table()).containsExactlyElementsOf(rows(9));
    }

    @Test
    void progressHearsOfEachCommittedChunk() {
        List<ChunkedWriteReport> heard = new ArrayList<>();
        ChunkedWriteReport report = ChunkedWriter.<Row>into(database.sessionFactory())
                .chunkSize(CHUNK).progress(heard::add).build(INSERT).write(rows(9));
        assertThat(heard).extracting(ChunkedWriteReport::rows).containsExactly(4L, 8L, 9L);
        assertThat(heard).extracting(ChunkedWriteReport::chunks).containsExactly(1, 2, 3);
        assertThat(heard.get(2).rows()).isEqualTo(report.rows());
    }

    @Test
    void aChunkSizeBelowOneIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> ChunkedWriter.<Row>into(database.sessionFactory()).chunkSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunk size must be at least 1 row per transaction, was 0");
        assertThatThrownBy(() -> ChunkedWriter.<Row>into(database.sessionFactory()).chunkSize(-5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was -5");
        assertThatThrownBy(() -> ChunkedWriter.<Row>into(database.sessionFactory()).build(INSERT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chunkSize");
    }

    private List<Row> table() throws SQLException {
        try (SqlSession session = database.sessionFactory().openSession();
             Statement statement = session.getConnection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, label FROM chunk_rows ORDER BY id")) {
            List<Row> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2)));
            }
            return rows;
        }
    }

    private long sequenceValue(String sequence) throws SQLException {
        try (SqlSession session = database.sessionFactory().openSession();
             Statement statement = session.getConnection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT last_value FROM " + sequence)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
