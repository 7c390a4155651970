package crdb.workshop.common.retry;

import static crdb.workshop.common.retry.FailureClassifier.Verdict.AMBIGUOUS;
import static crdb.workshop.common.retry.FailureClassifier.Verdict.FATAL;
import static crdb.workshop.common.retry.FailureClassifier.Verdict.RETRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;

/**
 * The executor's rules, one SQLSTATE at a time, with exceptions shaped as pgjdbc and MyBatis
 * shape them. (The suites beside this one check the same rules against errors the server raises.)
 */
class FailureClassifierTest {

    private static PersistenceException wrapped(String sqlState) {
        return new PersistenceException("### Error updating database", new SQLException("from the driver", sqlState));
    }

    @Test
    void serializationFailuresAndDeadlocksAreRetriedEvenAtCommit() {
        assertThat(FailureClassifier.classify(wrapped("40001"), false)).isEqualTo(RETRY);
        assertThat(FailureClassifier.classify(wrapped("40001"), true)).isEqualTo(RETRY);
        assertThat(FailureClassifier.classify(wrapped("40P01"), false)).isEqualTo(RETRY);
    }

    @Test
    void theStateIsFoundBehindABatchsNextException() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0], null);
        batch.setNextException(new SQLException("could not serialize access", "40001"));

        assertThat(FailureClassifier.sqlState(new PersistenceException(batch))).isEqualTo("40001");
    }

    @Test
    void connectionErrorsAreRetriedBeforeCommitAndAmbiguousDuringIt() {
        for (String state : new String[] {"08006", "08001", "57P01"}) {
            assertThat(FailureClassifier.classify(wrapped(state), false)).as(state).isEqualTo(RETRY);
            assertThat(FailureClassifier.classify(wrapped(state), true)).as(state).isEqualTo(AMBIGUOUS);
        }
    }

    @Test
    void aServerThatRefusesNewConnectionsForNowIsRetriedBeforeCommit() {
        // 57P03 cannot_connect_now (starting up, shutting down), 53300 too_many_connections.
        for (String state : new String[] {"57P03", "53300"}) {
            assertThat(FailureClassifier.classify(wrapped(state), false)).as(state).isEqualTo(RETRY);
        }
    }

    @Test
    void aConnectionAlreadyClosedBeforeCommitMeansCommitWasNeverSent() {
        assertThat(FailureClassifier.classify(new SQLException("This connection has been closed.", "08003"), true))
                .isEqualTo(RETRY);
    }

    @Test
    void resultIsAmbiguousIsAmbiguous() {
        assertThat(FailureClassifier.classify(wrapped("40003"), true)).isEqualTo(AMBIGUOUS);
    }

    @Test
    void constraintViolationsCancelsAndApplicationErrorsAreFatal() {
        for (String state : new String[] {"23505", "23514", "57014", "42P01"}) {
            assertThat(FailureClassifier.classify(wrapped(state), false)).as(state).isEqualTo(FATAL);
            assertThat(FailureClassifier.classify(wrapped(state), true)).as(state).isEqualTo(FATAL);
        }
        assertThat(FailureClassifier.classify(new IllegalStateException("no such account"), false)).isEqualTo(FATAL);
    }

    @Test
    void aCommitThatFailsWithoutAnySqlStateIsAmbiguous() {
        assertThat(FailureClassifier.classify(new SQLException("socket closed"), true)).isEqualTo(AMBIGUOUS);
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(FailureClassifier.sqlState(a)).isNull();
    }
}
