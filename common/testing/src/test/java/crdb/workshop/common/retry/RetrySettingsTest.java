package crdb.workshop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import java.time.Duration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/** Settings are checked where they are set, with a message that says what would be valid. */
@DatabaseTest
class RetrySettingsTest {

    private final SqlSessionFactory sessions;

    RetrySettingsTest(Database database) {
        this.sessions = database.sessionFactory();
    }

    @Test
    void maxAttemptsBelowOneIsRefused() {
        assertThatThrownBy(() -> RetryExecutor.builder(sessions).maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts must be at least 1").hasMessageContaining("was 0");
        assertThatThrownBy(() -> RetryExecutor.builder(sessions).maxAttempts(-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was -3");
    }

    @Test
    void zeroOrNegativeDurationsAreRefused() {
        assertThatThrownBy(() -> RetryExecutor.builder(sessions).initialBackoff(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialBackoff must be longer");
        assertThatThrownBy(() -> RetryExecutor.builder(sessions).maxBackoff(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff must be longer");
        assertThatThrownBy(() -> RetryExecutor.builder(sessions).deadline(Duration.ofSeconds(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline must be longer");
    }

    @Test
    void aCapBelowTheInitialBackoffIsRefused() {
        assertThatThrownBy(() -> RetryExecutor.builder(sessions)
                .initialBackoff(Duration.ofMillis(500)).maxBackoff(Duration.ofMillis(100)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBackoff (100 ms) must not be less than initialBackoff (500 ms)");
    }

    @Test
    void aMultiplierBelowOneOrNotANumberIsRefused() {
        assertThatThrownBy(() -> RetryExecutor.builder(sessions).multiplier(0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1.0");
        assertThatThrownBy(() -> RetryExecutor.builder(sessions).multiplier(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryExecutor.builder(sessions).multiplier(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validSettingsBuildAnExecutorThatRuns() {
        RetryExecutor retry = RetryExecutor.builder(sessions)
                .maxAttempts(1).initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(1))
                .multiplier(1.0).deadline(Duration.ofSeconds(1)).build();

        String databaseId = retry.inTransaction(session -> session.getConfiguration().getDatabaseId());

        assertThat(databaseId).isIn("postgresql", "cockroachdb");
    }

    @Test
    void theCockroachSavepointProtocolIsRefusedOnPostgresql(Database database) {
        assumeFalse(database.isCockroachDb(), "On CockroachDB the protocol is allowed; CockroachSavepointTest runs it.");

        assertThatThrownBy(() -> RetryExecutor.builder(sessions).protocol(RetryProtocol.COCKROACH_SAVEPOINT).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CockroachDB's").hasMessageContaining("FULL_RESTART");
        assertThatCode(() -> RetryExecutor.builder(sessions).protocol(RetryProtocol.FULL_RESTART).build())
                .doesNotThrowAnyException();
    }
}
