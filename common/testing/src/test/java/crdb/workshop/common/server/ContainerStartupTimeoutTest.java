package crdb.workshop.common.server;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.settings.Settings;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.cockroachdb.CockroachContainer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitAllStrategy;

/**
 * The CockroachDB container waits STARTUP_TIMEOUT for the node, not the 30 s that Testcontainers'
 * WaitAllStrategy would otherwise impose over the module's own minute. Reads the configured (not
 * started) container, so it needs no Docker engine.
 */
class ContainerStartupTimeoutTest {

    @Test
    void theStartupWaitIsLongEnoughForABusyTwoCoreMachine() {
        assertThat(CockroachContainerServer.STARTUP_TIMEOUT).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void everyWaitOfTheContainerUsesTheStartupTimeout() throws Exception {
        CockroachContainer container = CockroachContainerServer.configured(Settings.DEFAULT_COCKROACH_IMAGE);
        WaitAllStrategy all = (WaitAllStrategy) field(GenericContainer.class, "waitStrategy", container);

        assertThat(field(WaitAllStrategy.class, "timeout", all)).isEqualTo(CockroachContainerServer.STARTUP_TIMEOUT);
        List<?> inner = (List<?>) field(WaitAllStrategy.class, "strategies", all);
        assertThat(inner).isNotEmpty().allSatisfy(strategy -> assertThat(
                field(AbstractWaitStrategy.class, "startupTimeout", strategy))
                .isEqualTo(CockroachContainerServer.STARTUP_TIMEOUT));
    }

    private static Object field(Class<?> type, String name, Object target) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
