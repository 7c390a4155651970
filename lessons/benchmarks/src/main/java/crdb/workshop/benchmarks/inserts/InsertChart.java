package crdb.workshop.benchmarks.inserts;

import crdb.workshop.benchmarks.ChartImage;
import crdb.workshop.benchmarks.inserts.InsertMethod;
import crdb.workshop.benchmarks.inserts.InsertMethods;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Rows per second against chunk size, both axes on a log scale (and labelled so): one colour per
 * strategy, JDBC dashed, the median of the repeats joined by lines, and a bar from the slowest to
 * the fastest repeat at each point; the lesson's recommended path drawn thickest and named so.
 */
public final class InsertChart {

    private static final Map<InsertMethod.Strategy, Color> COLORS = Map.of(
            InsertMethod.Strategy.ONE_INSERT_PER_ROW, new Color(0xD6, 0x27, 0x28),
            InsertMethod.Strategy.REWRITTEN_BATCH, new Color(0x1F, 0x77, 0xB4),
            InsertMethod.Strategy.MULTI_ROW_INSERT, new Color(0x2C, 0xA0, 0x2C),
            InsertMethod.Strategy.ARRAY_INSERT, new Color(0xFF, 0x7F, 0x0E),
            InsertMethod.Strategy.COPY, new Color(0x94, 0x67, 0xBD));

    private static final BasicStroke DASHED =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
    private static final BasicStroke SOLID = new BasicStroke(2.5f);
    private static final BasicStroke THICK = new BasicStroke(5f);
    private static final BasicStroke THIN = new BasicStroke(1.2f);

    private InsertChart() {
    }

    public static void write(Measurements measurements, String subtitle, Path file) throws IOException {
        XYChart chart = ChartImage.panel(1100, 650,
                "Insert throughput by chunk size: median of the repeats, bars from the slowest to the fastest",
                "chunk size: rows per transaction (log scale)", "rows per second (log scale)");
        XYStyler style = chart.getStyler();
        style.setXAxisLogarithmic(true);
        style.setYAxisLogarithmic(true);
        style.setMarkerSize(8);
        style.setXAxisDecimalPattern("#,###");
        style.setYAxisDecimalPattern("#,###");
        List<Integer> sizes = measurements.chunkSizes();
        double[] x = sizes.stream().mapToDouble(Integer::doubleValue).toArray();
        List<InsertMethod> methods = measurements.methods();
        for (int m = 0; m < methods.size(); m++) {
            InsertMethod method = methods.get(m);
            boolean recommended = method.name().equals(InsertMethods.RECOMMENDED);
            double[] y = sizes.stream().mapToDouble(size -> measurements.rate(method, size)).toArray();
            XYSeries series = chart.addSeries(method.name() + (recommended ? " (recommended)"
                    : method.name().equals(InsertMethods.SIMPLE) ? " (simple, the lesson runs it)" : ""), x, y);
            Color color = COLORS.get(method.strategy());
            series.setLineColor(color);
            series.setMarkerColor(color);
            series.setLineStyle(recommended ? THICK : method.rawJdbc() ? DASHED : SOLID);
            series.setMarker(method.rawJdbc() ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
            // Each method's bars a little to the side of the others', so that they do not hide each other.
            double nudge = Math.pow(1.025, m - (methods.size() - 1) / 2.0);
            for (int i = 0; i < sizes.size(); i++) {
                double[] range = measurements.rateRange(method, sizes.get(i));
                XYSeries bar = chart.addSeries(method.name() + " range " + sizes.get(i),
                        new double[] {x[i] * nudge, x[i] * nudge}, range);
                bar.setMarker(SeriesMarkers.NONE);
                bar.setLineColor(color);
                bar.setLineStyle(recommended ? THICK : THIN);
                bar.setShowInLegend(false);
            }
        }
        ChartImage.write(file, "Insert benchmark: " + subtitle, "One colour per strategy; circles and solid lines"
                + " MyBatis, diamonds and dashes JDBC; the thick line is the lesson's recommended path.", List.of(chart));
    }
}
