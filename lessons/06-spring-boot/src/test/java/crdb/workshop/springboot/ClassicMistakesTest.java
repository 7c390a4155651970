package crdb.workshop.springboot;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.springboot.mistakes.RetryInsideTransaction;
import crdb.workshop.springboot.mistakes.RetryableTransfers;
import crdb.workshop.springboot.mistakes.SelfInvokingTransfers;
import crdb.workshop.springboot.retry.TransactionRetry;
import crdb.workshop.springboot.transfer.TransferService;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The two classic mistakes of retries in Spring, each shown failing the transfer contract, then
 * fixed: the service's way (TransactionRetry: a RetryTemplate around a TransactionTemplate) and the
 * annotation way (@Retryable on one bean around @Transactional on another).
 */
@BankServiceTest
class ClassicMistakesTest {

    @Autowired
    private TransferService service;
    @Autowired
    private RetryInsideTransaction retryInsideTransaction;
    @Autowired
    private SelfInvokingTransfers selfInvoking;
    @Autowired
    private RetryableTransfers retryable;
    @Autowired
    private Database database;
    @Autowired
    private TransactionRetry retry;
    @Autowired
    private AccountMapper accounts;
    @Autowired
    private NamedParameterJdbcTemplate jdbc;

    private CommitFaultsOnTransfers faults;
    private TransferContract contract;

    @BeforeEach
    void faultsOnCommit() throws SQLException {
        faults = CommitFaultsOnTransfers.install(database);
        contract = new TransferContract(new Books(retry, accounts, jdbc), faults);
    }

    @AfterEach
    void noMoreFaults() throws SQLException {
        faults.close();
    }

    // tag::mistake-retry-inside[]
    @Test
    void retryInsideTheTransactionNeverRetriesTheCommit() {
        assertThatThrownBy(() -> contract.aCommitThatFailsWith40001IsRetried(retryInsideTransaction::transfer))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed instead of retrying its COMMIT");
    }
    // end::mistake-retry-inside[]

    @Test
    void retryAroundTheTransactionRetriesTheCommit() throws SQLException {
        contract.aCommitThatFailsWith40001IsRetried((key, transfer) -> service.transfer(key.toString(), transfer));
        contract.aCommitThatFailsWith40001IsRetried(retryable::transfer);
    }

    // tag::mistake-self-invocation[]
    @Test
    void selfInvocationRunsWithoutATransactionSoARefusedTransferKeepsItsRow() {
        assertThatThrownBy(() -> contract.aRefusedTransferChangesNothing(selfInvoking::transfer))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a transfers row for the refused transfer");
    }
    // end::mistake-self-invocation[]

    @Test
    void theTransactionOnAnotherBeanRollsBackARefusedTransfer() {
        contract.aRefusedTransferChangesNothing(retryable::transfer);
        contract.aRefusedTransferChangesNothing((key, transfer) -> service.transfer(key.toString(), transfer));
    }

    @Test
    void eachMistakeFailsOnlyItsOwnCheck() throws SQLException {
        // Self-invocation still retries (each statement is its own transaction), and the retry
        // inside the transaction still rolls back: each mistake breaks one rule, not both.
        contract.aCommitThatFailsWith40001IsRetried(selfInvoking::transfer);
        contract.aRefusedTransferChangesNothing(retryInsideTransaction::transfer);
    }
}
