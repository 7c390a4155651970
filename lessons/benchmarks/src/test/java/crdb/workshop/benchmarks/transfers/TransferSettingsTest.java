package crdb.workshop.benchmarks.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.WorkshopException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The benchmark's -Dbench.* settings: defaults, and one clear line for each kind of bad value. */
class TransferSettingsTest {

    private static final List<String> PROPERTIES = List.of("bench.threads", "bench.transfers", "bench.accounts",
            "bench.hot", "bench.repeats", "bench.seconds", "bench.seed", "bench.chart", "bench.updateDocs", "bench.maxAttempts");

    @AfterEach
    void clearProperties() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void theDefaultsMeasureEightThreadsAtThreeHotSharesAndWriteUnderTarget() {
        TransferSettings settings = TransferSettings.fromSystemProperties();

        assertThat(settings.shape().threads()).isEqualTo(8);
        assertThat(settings.hotFractions()).containsExactly(0.0, 0.5, 1.0);
        assertThat(settings.retry()).isEqualTo(crdb.workshop.benchmarks.transfers.load.RetrySettings.DEFAULTS);
        assertThat(settings.chart()).endsWithRaw(Path.of("lessons", "benchmarks", "target", "transfer-benchmark",
                "03-transfer-benchmark.png"));
        assertThat(settings.workDir()).endsWithRaw(Path.of("lessons", "benchmarks", "target", "transfer-benchmark"));
    }

    @Test
    void onlyAnExplicitOptionReplacesThePagesChart() {
        System.setProperty("bench.updateDocs", "true");

        assertThat(TransferSettings.fromSystemProperties().chart())
                .endsWithRaw(Path.of("docs", "images", "03-transfer-benchmark.png"));
    }

    @Test
    void settingsComeFromSystemProperties() {
        System.setProperty("bench.threads", "4");
        System.setProperty("bench.transfers", "1_000");
        System.setProperty("bench.hot", "0.25, 1");
        System.setProperty("bench.chart", "out.png");

        TransferSettings settings = TransferSettings.fromSystemProperties();

        assertThat(settings.shape().threads()).isEqualTo(4);
        assertThat(settings.shape().transfersPerThread()).isEqualTo(1000);
        assertThat(settings.hotFractions()).containsExactly(0.25, 1.0);
        assertThat(settings.chart()).isEqualTo(Path.of("out.png"));
    }

    @Test
    void aCountThatIsNotAPositiveWholeNumberIsRefusedWithOneLine() {
        System.setProperty("bench.threads", "0");

        assertThatThrownBy(TransferSettings::fromSystemProperties).isInstanceOf(WorkshopException.class)
                .hasMessageStartingWith("-Dbench.threads=0 is not a positive whole number. Example:")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aHotShareOutsideZeroToOneIsRefusedWithOneLine() {
        System.setProperty("bench.hot", "0,50");

        assertThatThrownBy(TransferSettings::fromSystemProperties).isInstanceOf(WorkshopException.class)
                .hasMessageStartingWith("-Dbench.hot: 50 is not a share from 0 to 1")
                .hasMessageNotContaining("\n");
    }

    @Test
    void oneAccountIsRefused() {
        System.setProperty("bench.accounts", "1");

        assertThatThrownBy(TransferSettings::fromSystemProperties).isInstanceOf(WorkshopException.class)
                .hasMessageStartingWith("-Dbench.accounts=1 is too few: a transfer needs two accounts.");
    }
}
