package crdb.workshop.benchmarks.transfers.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import java.util.List;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The baseline is a fair comparison only if it sends what MyBatis sends: the same SQL (up to
 * whitespace), with the values bound in the same order.
 */
@DatabaseTest
class JdbcStrategyTest {

    private final Configuration mybatis;

    JdbcStrategyTest(Database database) {
        this.mybatis = database.sessionFactory().getConfiguration();
    }

    @Test
    void theBaselineSendsTheMappersSql() {
        assertThat(sql("crdb.workshop.common.mapper.AccountMapper.findById")).isEqualTo(JdbcStrategy.FIND_ACCOUNT);
        assertThat(sql("crdb.workshop.common.mapper.AccountMapper.updateBalance"))
                .isEqualTo(JdbcStrategy.UPDATE_BALANCE);
        assertThat(sql("crdb.workshop.transfers.mapper.TransferMapper.lockAccount"))
                .isEqualTo(JdbcStrategy.LOCK_ACCOUNT);
        assertThat(sql("crdb.workshop.transfers.mapper.TransferMapper.addToBalance"))
                .isEqualTo(JdbcStrategy.ADD_TO_BALANCE);
        assertThat(sql("crdb.workshop.transfers.mapper.TransferMapper.readCommitted"))
                .isEqualTo(JdbcStrategy.READ_COMMITTED);
        assertThat(sql("crdb.workshop.transfers.mapper.TransferMapper.moveMoney")).isEqualTo(JdbcStrategy.MOVE_MONEY);
        assertThat(sql("crdb.workshop.transfers.mapper.TransferRecordMapper.insertIfAbsent"))
                .isEqualTo(JdbcTransferService.INSERT_TRANSFER);
        assertThat(sql("crdb.workshop.transfers.mapper.TransferRecordMapper.findById"))
                .isEqualTo(JdbcTransferService.FIND_TRANSFER);
    }

    @Test
    void theBaselineBindsValuesInTheMappersOrder() {
        // JdbcStrategy.SINGLE_STATEMENT and JdbcTransferService set their parameters in this order.
        assertThat(parameters("crdb.workshop.transfers.mapper.TransferMapper.moveMoney"))
                .containsExactly("from", "amount", "amount", "from", "to", "from", "amount");
        assertThat(parameters("crdb.workshop.transfers.mapper.TransferRecordMapper.insertIfAbsent"))
                .containsExactly("id", "transfer.from", "transfer.to", "transfer.amount");
        assertThat(parameters("crdb.workshop.common.mapper.AccountMapper.updateBalance"))
                .containsExactly("balance", "id");
        assertThat(parameters("crdb.workshop.transfers.mapper.TransferMapper.addToBalance"))
                .containsExactly("delta", "id");
    }

    private BoundSql bound(String statement) {
        return mybatis.getMappedStatement(statement).getBoundSql(null);
    }

    private String sql(String statement) {
        return bound(statement).getSql().strip().replaceAll("\\s+", " ");
    }

    private List<String> parameters(String statement) {
        return bound(statement).getParameterMappings().stream().map(ParameterMapping::getProperty).toList();
    }
}
