package crdb.workshop.common.echo.mapper;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Statements whose only job is to be echoed. */
public interface EchoProbeMapper {

    /** Sends {@code value} to the server as a bind parameter and back. */
    @Select("SELECT CAST(#{value} AS TEXT)")
    String roundTrip(@Param("value") String value);

    /** A statement that says what its parameter is. */
    @Select("SELECT length(CAST(#{password} AS TEXT)) AS password_length")
    int passwordLength(@Param("password") String password);
}
