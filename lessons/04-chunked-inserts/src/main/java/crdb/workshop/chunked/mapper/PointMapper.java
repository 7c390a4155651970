package crdb.workshop.chunked.mapper;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The points table. Inserts skip a point whose id is already there (ON CONFLICT DO NOTHING), so
 * sending a point twice, on a retry or a re-run, writes it once. The SQL is in PointMapper.xml.
 */
public interface PointMapper {

    /** One point, one statement. */
    int insert(Point point);

    /**
     * One multi-row INSERT for all of {@code points}: at most 16,383 of them, because pgjdbc sends
     * at most 65,535 bind parameters per statement (see BindParameterLimit).
     */
    int insertAll(@Param("points") List<Point> points);

    /**
     * One INSERT for a whole chunk, its columns sent as four arrays: four bind parameters however
     * many points, so no parameter limit, and a statement MyBatis never has to build again.
     */
    int insertColumns(PointColumns columns);

    /** Every point, ordered by id. */
    List<Point> findAll();

    @Select("SELECT count(*) FROM points")
    long count();

    /** The ids among {@code ids} that are in the table (not empty: {@code IN ()} is a syntax error). */
    List<UUID> findIds(@Param("ids") Collection<UUID> ids);

    /** Deletes the points with these ids (not empty); returns how many there were. */
    int deleteByIds(@Param("ids") Collection<UUID> ids);

    /**
     * Empties the table, whoever wrote its rows: for tests, in a database of their own. The lesson
     * never runs it (it deletes only its own points). Run it outside a transaction: on CockroachDB
     * TRUNCATE is a schema change.
     */
    @Update("TRUNCATE TABLE points")
    void truncate();
}
