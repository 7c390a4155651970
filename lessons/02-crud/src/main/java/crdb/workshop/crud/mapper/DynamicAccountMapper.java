package crdb.workshop.crud.mapper;

import crdb.workshop.common.mapper.Account;
import java.util.List;
import org.apache.ibatis.annotations.ResultMap;
import org.apache.ibatis.annotations.SelectProvider;
import org.mybatis.dynamic.sql.select.render.SelectStatementProvider;
import org.mybatis.dynamic.sql.util.SqlProviderAdapter;
import org.mybatis.dynamic.sql.util.mybatis3.CommonCountMapper;
import org.mybatis.dynamic.sql.util.mybatis3.CommonDeleteMapper;
import org.mybatis.dynamic.sql.util.mybatis3.CommonInsertMapper;
import org.mybatis.dynamic.sql.util.mybatis3.CommonUpdateMapper;

/**
 * Runs statements built with MyBatis Dynamic SQL (see {@code querybuilder.AccountStatements}).
 * It holds no SQL: each method takes a rendered statement and MyBatis sends its text with the
 * values bound. Insert, count, update and delete come from the library's common mappers.
 */
public interface DynamicAccountMapper
        extends CommonInsertMapper<Account>, CommonCountMapper, CommonUpdateMapper, CommonDeleteMapper {

    /** Rows as {@link Account}s, with the result map AccountMapper.xml defines. */
    @SelectProvider(type = SqlProviderAdapter.class, method = "select")
    @ResultMap("crdb.workshop.common.mapper.AccountMapper.account")
    List<Account> selectAccounts(SelectStatementProvider select);
}
