package crdb.workshop.crud.querybuilder;

import java.sql.JDBCType;
import java.util.UUID;
import org.mybatis.dynamic.sql.SqlColumn;
import org.mybatis.dynamic.sql.SqlTable;

// tag::table[]
/** The accounts table (dbinit.sql) described in Java, so statements about it are type-checked. */
public final class AccountsTable extends SqlTable {

    public static final AccountsTable accounts = new AccountsTable();
    public static final SqlColumn<UUID> id = accounts.column("id", JDBCType.OTHER);
    public static final SqlColumn<Long> balance = accounts.column("balance", JDBCType.BIGINT);

    private AccountsTable() {
        super("accounts");
    }
}
// end::table[]
