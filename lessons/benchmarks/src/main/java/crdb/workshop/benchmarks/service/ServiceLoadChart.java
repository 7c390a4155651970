package crdb.workshop.benchmarks.service;

import crdb.workshop.benchmarks.ChartImage;
import crdb.workshop.benchmarks.transfers.BenchmarkResults;
import crdb.workshop.benchmarks.transfers.TransferChart;
import crdb.workshop.benchmarks.transfers.load.Contender;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Two panels in one PNG, the service (orange) beside the JDBC transfer (blue) at each hot share:
 * committed transfers per second, and the latencies (p50, p99 and the slowest, on a log scale).
 */
final class ServiceLoadChart {

    private static final Color SERVICE = new Color(0xFF, 0x7F, 0x0E);
    private static final Color JDBC = new Color(0x1F, 0x77, 0xB4);

    private ServiceLoadChart() {
    }

    static void write(BenchmarkResults results, Contender service, Contender jdbc, String subtitle, Path file)
            throws IOException {
        String shares = results.hotFractions().stream().map(TransferChart::label).collect(Collectors.joining(" | "));
        String xTitle = "share of transfers between the two hot accounts, left to right: " + shares;
        XYChart rates = panel("Committed transfers per second (median of the repeats)", xTitle, "transfers per second",
                results, false);
        XYChart latency = panel("Latency per committed transfer: p50, p99 and the slowest, retries and waits included",
                xTitle, "milliseconds (log scale)", results, true);
        for (Contender c : List.of(service, jdbc)) {
            double offset = c == service ? -0.15 : 0.15;
            Color color = c == service ? SERVICE : JDBC;
            double[] x = results.hotFractions().stream().mapToDouble(h -> results.hotFractions().indexOf(h) + offset)
                    .toArray();
            XYSeries rate = rates.addSeries(c.name(), x, results.hotFractions().stream()
                    .mapToDouble(h -> results.transfersPerSecond(c, h)).toArray());
            rate.setMarkerColor(color);
            rate.setMarker(SeriesMarkers.CIRCLE);
            double[] percents = {50, 99, 100};
            Marker[] markers = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP};
            for (int p = 0; p < percents.length; p++) {
                double percent = percents[p];
                XYSeries series = latency.addSeries(c.name() + (percent == 100 ? " slowest" : " p" + (int) percent), x, results.hotFractions().stream()
                        .mapToDouble(h -> Math.max(0.01, results.latencyMillis(c, h, percent))).toArray());
                series.setMarkerColor(color);
                series.setMarker(markers[p]);
            }
        }
        ChartImage.write(file, "Service load benchmark: " + subtitle, "Lesson 06's service over HTTP (orange) beside"
                + " lesson 03's SELECT FOR UPDATE transfer in JDBC (blue): the same transfers, clients and accounts.",
                List.of(rates, latency));
    }

    private static XYChart panel(String title, String xTitle, String yTitle, BenchmarkResults results,
            boolean logarithmic) {
        XYChart chart = ChartImage.panel(1100, 400, title, xTitle, yTitle);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        if (!logarithmic) {
            chart.getStyler().setYAxisMin(0.0);
        }
        chart.getStyler().setXAxisMin(-0.5);
        chart.getStyler().setXAxisMax(results.hotFractions().size() - 0.5);
        chart.getStyler().setXAxisTicksVisible(false);
        return chart;
    }
}
