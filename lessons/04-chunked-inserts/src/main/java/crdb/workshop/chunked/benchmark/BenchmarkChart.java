package crdb.workshop.chunked.benchmark;

import crdb.workshop.chunked.insert.InsertMethod;
import crdb.workshop.chunked.insert.InsertMethods;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Rows per second against chunk size, both axes on a log scale (and labelled so): one colour per
 * strategy, JDBC dashed, the median of the repeats joined by lines, and a bar from the slowest to
 * the fastest repeat at each point; the lesson's recommended path drawn thickest and named so.
 */
public final class BenchmarkChart {

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

    private BenchmarkChart() {
    }

    public static void write(Measurements measurements, String subtitle, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(1100).height(650)
                .title("Insert throughput by chunk size: median of the repeats, bars from the slowest to the fastest")
                .xAxisTitle("chunk size: rows per transaction (log scale)")
                .yAxisTitle("rows per second (log scale)")
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
        List<InsertMethod> methods = measurements.methods();
        for (int m = 0; m < methods.size(); m++) {
            InsertMethod method = methods.get(m);
            boolean recommended = method.name().equals(InsertMethods.RECOMMENDED);
            double[] y = sizes.stream().mapToDouble(size -> measurements.rate(method, size)).toArray();
            XYSeries series = chart.addSeries(method.name() + (recommended ? " (recommended)" : ""), x, y);
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
        // The run's settings on a line of their own above the chart: too long for its title.
        BufferedImage plot = BitmapEncoder.getBufferedImage(chart);
        BufferedImage all = new BufferedImage(plot.getWidth(), plot.getHeight() + 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), 30);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString(subtitle, 10, 21);
        g.drawImage(plot, 0, 30, null);
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(all, "png", file.toFile());
    }
}
