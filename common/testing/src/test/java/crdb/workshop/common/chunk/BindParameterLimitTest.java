package crdb.workshop.common.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BindParameterLimitTest {

    @Test
    void rowsPerStatementKeepsBelowPgjdbcsLimit() {
        assertThat(BindParameterLimit.rowsPerStatement(4)).isEqualTo(16_383);
        assertThat(BindParameterLimit.rowsPerStatement(1)).isEqualTo(65_535);
        assertThat(BindParameterLimit.rowsPerStatement(4) * 4).isLessThanOrEqualTo(65_535);
        assertThat((BindParameterLimit.rowsPerStatement(4) + 1) * 4).isGreaterThan(65_535);
    }

    @Test
    void slicesCoverEveryRowInOrderWithinTheLimit() {
        List<Integer> rows = IntStream.range(0, 40_000).boxed().toList();
        List<List<Integer>> slices = BindParameterLimit.slices(rows, 4);
        assertThat(slices).extracting(List::size).containsExactly(16_383, 16_383, 7_234);
        assertThat(slices.stream().flatMap(List::stream).toList()).isEqualTo(rows);
    }

    @Test
    void noRowsMakeNoSlices() {
        assertThat(BindParameterLimit.slices(List.of(), 4)).isEmpty();
    }

    @Test
    void parametersPerRowOutsideTheLimitAreRefused() {
        assertThatThrownBy(() -> BindParameterLimit.rowsPerStatement(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> BindParameterLimit.rowsPerStatement(65_536))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
