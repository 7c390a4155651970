package crdb.workshop.benchmarks;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;

/**
 * What both benchmarks' charts share: XChart panels with one look (white, a light grid, the legend
 * on the right), stacked one above the other under a header that says what ran where, in one PNG.
 */
public final class ChartImage {

    private static final int HEADER = 52;

    private ChartImage() {
    }

    /** An empty panel in the benchmarks' look. */
    public static XYChart panel(int width, int height, String title, String xTitle, String yTitle) {
        System.setProperty("java.awt.headless", "true"); // drawn in memory: no display needed
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler style = chart.getStyler();
        style.setLegendPosition(LegendPosition.OutsideE);
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        return chart;
    }

    /**
     * Writes {@code panels}, one above the other, under a bold {@code title} line and a plain
     * {@code legend} line, to {@code file} (its folder is created).
     */
    public static void write(Path file, String title, String legend, List<XYChart> panels) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<BufferedImage> images = panels.stream().map(BitmapEncoder::getBufferedImage).toList();
        int width = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(800);
        int height = HEADER + images.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage all = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, HEADER);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, 10, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(legend, 10, 42);
        int y = HEADER;
        for (BufferedImage image : images) {
            g.drawImage(image, 0, y, null);
            y += image.getHeight();
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(all, "png", file.toFile());
    }
}
