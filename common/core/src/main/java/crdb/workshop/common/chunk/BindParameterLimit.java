package crdb.workshop.common.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * pgjdbc sends at most 65,535 bind parameters in one statement (the protocol counts them in 16
 * bits), so a multi-row INSERT of rows with {@code c} placeholders each holds at most
 * 65,535 / c rows. Larger chunks go out as several statements in the same transaction.
 */
public final class BindParameterLimit {

    /** The most bind parameters pgjdbc sends with one statement. */
    public static final int MAX_PARAMETERS = 65_535;

    private BindParameterLimit() {
    }

    /** How many rows of {@code parametersPerRow} placeholders fit in one statement. */
    public static int rowsPerStatement(int parametersPerRow) {
        if (parametersPerRow < 1 || parametersPerRow > MAX_PARAMETERS) {
            throw new IllegalArgumentException("parametersPerRow must be between 1 and " + MAX_PARAMETERS
                    + ", was " + parametersPerRow);
        }
        return MAX_PARAMETERS / parametersPerRow;
    }

    /** {@code rows} cut into consecutive views that each fit in one statement; none when empty. */
    public static <T> List<List<T>> slices(List<T> rows, int parametersPerRow) {
        int size = rowsPerStatement(parametersPerRow);
        List<List<T>> slices = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += size) {
            slices.add(rows.subList(from, Math.min(from + size, rows.size())));
        }
        return slices;
    }
}
