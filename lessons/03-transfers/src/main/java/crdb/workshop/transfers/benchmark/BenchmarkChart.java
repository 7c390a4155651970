package crdb.workshop.transfers.benchmark;

import crdb.workshop.transfers.load.Contender;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Two bar charts, one above the other, in one PNG: committed transfers per second, and retries
 * per commit, for each contender at each hot share. A colour per strategy; JDBC baselines paler.
 */
public final class BenchmarkChart {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 430;

    private static final Map<String, Color> COLORS = Map.of(
            Contender.READ_MODIFY_WRITE, new Color(0xD6, 0x27, 0x28),
            Contender.SELECT_FOR_UPDATE, new Color(0x1F, 0x77, 0xB4),
            Contender.SINGLE_STATEMENT, new Color(0x2C, 0xA0, 0x2C));

    private BenchmarkChart() {
    }

    public static void write(BenchmarkResults results, String subtitle, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage rates = BitmapEncoder.getBufferedImage(chart(results,
                "Committed transfers per second (" + subtitle + ")", "transfers per second", "#,##0",
                results::transfersPerSecond));
        BufferedImage retries = BitmapEncoder.getBufferedImage(chart(results,
                "Retries per committed transfer (fewer is better)", "retries per commit", "0.00",
                results::retriesPerCommit));
        BufferedImage both = new BufferedImage(WIDTH, 2 * HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(rates, 0, 0, null);
        g.drawImage(retries, 0, HEIGHT, null);
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(both, "png", file.toFile());
    }

    private static CategoryChart chart(BenchmarkResults results, String title, String yTitle, String pattern,
            ToDoubleBiFunction<Contender, Double> value) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("share of transfers between the two hot accounts").yAxisTitle(yTitle).build();
        CategoryStyler style = chart.getStyler();
        style.setLegendPosition(LegendPosition.OutsideE);
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        style.setAvailableSpaceFill(0.85);
        style.setYAxisMin(0.0);
        style.setYAxisDecimalPattern(pattern);
        style.setLabelsVisible(true); // the value on each bar: a zero shows as "0", not as nothing
        style.setLabelsRotation(90);
        style.setLabelsFontColorAutomaticEnabled(false);
        style.setLabelsFontColor(Color.DARK_GRAY);
        List<String> levels = results.hotFractions().stream().map(BenchmarkChart::label).toList();
        for (Contender contender : results.contenders()) {
            List<Double> y = results.hotFractions().stream()
                    .map(hot -> zeroIfUndefined(value.applyAsDouble(contender, hot))).toList();
            CategorySeries series = chart.addSeries(contender.name(), levels, y);
            Color color = COLORS.getOrDefault(contender.strategy(), Color.GRAY);
            series.setFillColor(contender.jdbc() ? paler(color) : color);
        }
        return chart;
    }

    /** "none (uniform)", "50%", "100%". */
    public static String label(double hotFraction) {
        return hotFraction == 0 ? "none (uniform)" : Math.round(hotFraction * 100) + "%";
    }

    private static double zeroIfUndefined(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private static Color paler(Color color) {
        return new Color((color.getRed() + 2 * 255) / 3, (color.getGreen() + 2 * 255) / 3, (color.getBlue() + 2 * 255) / 3);
    }
}
