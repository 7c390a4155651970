package crdb.workshop.chunked.mapper;

import java.util.List;
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

    /** Empties the table. Run it outside a transaction: on CockroachDB TRUNCATE is a schema change. */
    @Update("TRUNCATE TABLE points")
    void truncate();
}
