package crdb.workshop.chunked.benchmark;

import crdb.workshop.chunked.insert.InsertMethod;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Rows per second against chunk size, both axes logarithmic: one colour per strategy, JDBC dashed. */
public final class BenchmarkChart {

    private static final Map<InsertMethod.Strategy, Color> COLORS = Map.of(
            InsertMethod.Strategy.ONE_INSERT_PER_ROW, new Color(0xD6, 0x27, 0x28),
            InsertMethod.Strategy.REWRITTEN_BATCH, new Color(0x1F, 0x77, 0xB4),
            InsertMethod.Strategy.MULTI_ROW_INSERT, new Color(0x2C, 0xA0, 0x2C),
            InsertMethod.Strategy.COPY, new Color(0x94, 0x67, 0xBD));

    private static final BasicStroke DASHED =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
    private static final BasicStroke SOLID = new BasicStroke(2.5f);

    private BenchmarkChart() {
    }

    public static void write(Measurements measurements, String subtitle, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(1100).height(650)
                .title("Insert throughput by chunk size (" + subtitle + ")")
                .xAxisTitle("chunk size: rows per transaction")
                .yAxisTitle("rows per second")
                .build();
        XYStyler style = chart.getStyler();
        style.setXAxisLogarithmic(true);
        style.setYAxisLogarithmic(true);
        style.setLegendPosition(LegendPosition.OutsideE);
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        style.setMarkerSize(8);
        style.setXAxisDecimalPattern("#,###");
        style.setYAxisDecimalPattern("#,###");
        List<Integer> sizes = measurements.chunkSizes();
        double[] x = sizes.stream().mapToDouble(Integer::doubleValue).toArray();
        for (InsertMethod method : measurements.methods()) {
            double[] y = sizes.stream().mapToDouble(size -> measurements.rate(method, size)).toArray();
            XYSeries series = chart.addSeries(method.name(), x, y);
            Color color = COLORS.get(method.strategy());
            series.setLineColor(color);
            series.setMarkerColor(color);
            series.setLineStyle(method.rawJdbc() ? DASHED : SOLID);
            series.setMarker(method.rawJdbc() ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream png = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, png, BitmapFormat.PNG);
        }
    }
}
