package crdb.workshop.connect.mapper;

import java.util.List;
import org.apache.ibatis.annotations.Select;

/** Questions about the schema. One-line statements, so annotations rather than XML. */
public interface SchemaMapper {

    // tag::list-tables[]
    @Select("SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            + " ORDER BY table_name")
    List<String> listTables();
    // end::list-tables[]
}
