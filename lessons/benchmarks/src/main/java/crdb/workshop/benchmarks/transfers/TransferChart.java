package crdb.workshop.benchmarks.transfers;

import crdb.workshop.benchmarks.ChartImage;
import crdb.workshop.benchmarks.transfers.load.Contender;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Three panels, one above the other, in one PNG, for each contender at each hot share: committed
 * transfers per second (the median, and a bar from the slowest to the fastest repeat); retries
 * per commit; and the tail (the 99th percentile and the slowest transfer, on a log scale). A colour
 * per strategy, a marker per client (MyBatis, JDBC, pgbench); the lesson's recommended path drawn
 * heavier and named so in the legend.
 */
public final class TransferChart {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 400;

    private static final Map<String, Color> COLORS = Map.of(
            Contender.READ_MODIFY_WRITE, new Color(0xD6, 0x27, 0x28),
            Contender.SELECT_FOR_UPDATE, new Color(0x1F, 0x77, 0xB4),
            Contender.SINGLE_STATEMENT, new Color(0x2C, 0xA0, 0x2C));

    private static final Map<Contender.Kind, Marker> MARKERS = Map.of(
            Contender.Kind.MYBATIS, SeriesMarkers.CIRCLE,
            Contender.Kind.JDBC, SeriesMarkers.DIAMOND,
            Contender.Kind.PGBENCH, SeriesMarkers.SQUARE);

    private TransferChart() {
    }

    /** The lesson's recommended path: lock first, through MyBatis. */
    static boolean recommended(Contender c) {
        return c.kind() == Contender.Kind.MYBATIS && c.strategy().equals(Contender.SELECT_FOR_UPDATE);
    }

    public static void write(BenchmarkResults results, String subtitle, Path file) throws IOException {
        XYChart rates = panel(results, "Committed transfers per second: median, and a bar from the slowest to the"
                + " fastest repeat", "transfers per second", false);
        XYChart retries = panel(results, "Retries per committed transfer (fewer is better)", "retries per commit",
                false);
        XYChart tail = panel(results, "Tail latency: 99th percentile (pale) and slowest transfer (full colour),"
                + " retries and waits included", "milliseconds (log scale)", true);
        List<String> strategies = List.of(Contender.READ_MODIFY_WRITE, Contender.SELECT_FOR_UPDATE,
                Contender.SINGLE_STATEMENT);
        List<Contender> contenders = results.contenders().stream()
                .sorted(java.util.Comparator.comparing((Contender c) -> strategies.indexOf(c.strategy()))
                        .thenComparing(Contender::kind)).toList();
        int k = contenders.size();
        for (int i = 0; i < k; i++) {
            Contender c = contenders.get(i);
            double[] x = xs(results, i, k);
            add(rates, c, x, values(results, c, results::transfersPerSecond), true);
            for (int h = 0; h < x.length; h++) {
                double[] range = results.rateRange(c, results.hotFractions().get(h));
                whisker(rates, c, x[h], range[0], range[1]);
            }
            add(retries, c, x, values(results, c, results::retriesPerCommit), true);
            add(tail, c, x, values(results, c, (cc, hot) -> results.latencyMillis(cc, hot, 100)), true);
            XYSeries p99 = add(tail, c, x, values(results, c, (cc, hot) -> results.latencyMillis(cc, hot, 99)), false);
            p99.setMarker(MARKERS.get(c.kind()));
        }
        decades(tail);
        ChartImage.write(file, "Transfer benchmark: " + subtitle, "Left to right: read-modify-write (red), SELECT FOR"
                + " UPDATE (blue; recommended: MyBatis, thick bar), single statement (green). Circle MyBatis, diamond"
                + " JDBC, square pgbench.", List.of(rates, retries, tail));
    }

    private static XYChart panel(BenchmarkResults results, String title, String yTitle, boolean logarithmic) {
        String shares = results.hotFractions().stream().map(TransferChart::label)
                .collect(java.util.stream.Collectors.joining(" | "));
        XYChart chart = ChartImage.panel(WIDTH, HEIGHT, title,
                "share of transfers between the two hot accounts, left to right: " + shares, yTitle);
        XYStyler style = chart.getStyler();
        style.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        style.setMarkerSize(9);
        style.setYAxisLogarithmic(logarithmic);
        if (!logarithmic) {
            style.setYAxisMin(0.0);
        }
        List<Double> hot = results.hotFractions();
        style.setXAxisMin(-0.5);
        style.setXAxisMax(hot.size() - 0.5);
        style.setXAxisTicksVisible(false); // the axis title names the groups, left to right
        return chart;
    }

    /** A log axis from one power of ten to another, so that at least two ticks carry numbers. */
    private static void decades(XYChart chart) {
        double low = Double.MAX_VALUE;
        double high = 0;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double y : series.getYData()) {
                low = Math.min(low, y);
                high = Math.max(high, y);
            }
        }
        if (high > 0) {
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(low))));
            chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(high) + 1e-9)));
        }
    }

    /** Contender {@code i} of {@code k} at each hot share: side by side around the share's position. */
    private static double[] xs(BenchmarkResults results, int i, int k) {
        double width = 0.8 / k;
        double[] x = new double[results.hotFractions().size()];
        for (int h = 0; h < x.length; h++) {
            x[h] = h + (i - (k - 1) / 2.0) * width;
        }
        return x;
    }

    private static double[] values(BenchmarkResults results, Contender c, ToDoubleBiFunction<Contender, Double> v) {
        return results.hotFractions().stream().mapToDouble(hot -> v.applyAsDouble(c, hot))
                .map(value -> Double.isNaN(value) ? 0 : value).toArray();
    }

    private static XYSeries add(XYChart chart, Contender c, double[] x, double[] y, boolean inLegend) {
        String name = (recommended(c) ? c.name() + ", recommended" : c.name()) + (inLegend ? "" : " p99");
        double[] shown = y.clone();
        if (chart.getStyler().isYAxisLogarithmic()) {
            for (int i = 0; i < shown.length; i++) {
                shown[i] = Math.max(shown[i], 0.01); // a log axis has no zero
            }
        }
        XYSeries series = chart.addSeries(name, x, shown);
        Color color = COLORS.getOrDefault(c.strategy(), Color.GRAY);
        series.setMarkerColor(inLegend ? color : paler(color));
        series.setMarker(MARKERS.get(c.kind()));
        series.setShowInLegend(inLegend);
        return series;
    }

    /** A vertical bar from {@code low} to {@code high}: the spread of the repeats. */
    private static void whisker(XYChart chart, Contender c, double x, double low, double high) {
        XYSeries series = chart.addSeries(c.name() + " range " + x, new double[] {x, x},
                new double[] {zeroIfUndefined(low), zeroIfUndefined(high)});
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(COLORS.getOrDefault(c.strategy(), Color.GRAY));
        series.setLineStyle(new BasicStroke(recommended(c) ? 4f : 1.5f));
        series.setShowInLegend(false);
    }

    /** "none (uniform)", "50%", "100%". */
    public static String label(double hotFraction) {
        return hotFraction == 0 ? "none (uniform)" : Math.round(hotFraction * 100) + "%";
    }

    private static double zeroIfUndefined(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private static Color paler(Color color) {
        return new Color((color.getRed() + 255) / 2, (color.getGreen() + 255) / 2, (color.getBlue() + 255) / 2);
    }
}
