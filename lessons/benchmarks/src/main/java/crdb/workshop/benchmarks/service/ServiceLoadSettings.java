package crdb.workshop.benchmarks.service;

import crdb.workshop.benchmarks.JitWarmUp;
import crdb.workshop.benchmarks.transfers.TransferSettings;
import crdb.workshop.benchmarks.transfers.load.LoadShape;
import crdb.workshop.common.WorkshopException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the service load benchmark measures, from system properties: bench.clients (HTTP clients,
 * and JDBC threads), bench.transfers (per client), bench.accounts, bench.hot (shares between the
 * two hot accounts, 0 to 1), bench.repeats, bench.seconds (time limit of one run), bench.seed,
 * bench.resend (the share of transfers sent a second time with the same key), bench.url (a running
 * service instead of one started in-process), bench.chart, bench.updateDocs, bench.warmUpSeconds
 * (the longest warm-up, {@link JitWarmUp}).
 */
public record ServiceLoadSettings(LoadShape shape, List<Double> hotFractions, int repeats, Duration timeLimit,
        long seed, double resendShare, Optional<URI> url, Path chart, Duration warmUpLimit) {

    /** The chart page 06 part 2 shows. */
    public static final String DOCS_CHART = "docs/images/06-service-load-benchmark.png";

    private static final String EXAMPLE = "Example: -Dbench.clients=8 -Dbench.transfers=250 -Dbench.accounts=100"
            + " -Dbench.hot=1,0 -Dbench.repeats=5 -Dbench.resend=0.1";

    public static ServiceLoadSettings fromSystemProperties() {
        int clients = positive("bench.clients", "8");
        int transfers = positive("bench.transfers", "250");
        int accounts = positive("bench.accounts", "100");
        if (accounts < 2) {
            throw new WorkshopException("-Dbench.accounts=" + accounts + " is too few: a transfer needs two accounts. "
                    + EXAMPLE);
        }
        List<Double> hot = new ArrayList<>();
        for (String share : System.getProperty("bench.hot", "1,0").split(",")) {
            hot.add(share("bench.hot", share.strip()));
        }
        String seed = System.getProperty("bench.seed", "42").strip();
        if (!seed.matches("-?\\d{1,18}")) {
            throw new WorkshopException("-Dbench.seed=" + seed + " is not a whole number. " + EXAMPLE);
        }
        boolean updateDocs = Boolean.parseBoolean(System.getProperty("bench.updateDocs", "false"));
        Path root = TransferSettings.workspaceRoot();
        String chart = System.getProperty("bench.chart");
        // Opening balances far above the largest transfer: few transfers are refused for lack of funds.
        return new ServiceLoadSettings(new LoadShape(clients, transfers, accounts, hot.get(0), 10_000, 100),
                List.copyOf(hot), positive("bench.repeats", "5"), Duration.ofSeconds(positive("bench.seconds", "120")),
                Long.parseLong(seed), share("bench.resend", System.getProperty("bench.resend", "0.1").strip()),
                url(System.getProperty("bench.url")),
                chart != null ? Path.of(chart) : updateDocs ? root.resolve(DOCS_CHART)
                        : root.resolve("lessons/benchmarks/target/service-load-benchmark/06-service-load-benchmark.png"),
                JitWarmUp.limit(Duration.ofSeconds(150)));
    }

    /** A running service's base URL: http, a host, no user name or password, no path. */
    private static Optional<URI> url(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.strip());
            if ("http".equals(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null
                    && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
                    && uri.getQuery() == null) {
                return Optional.of(URI.create("http://" + uri.getRawAuthority()));
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new WorkshopException("-Dbench.url is not the base URL of a running service; give one such as"
                + " -Dbench.url=http://127.0.0.1:8080 (the address lesson 06 --serve prints).");
    }

    private static int positive(String property, String fallback) {
        String value = System.getProperty(property, fallback).strip();
        if (value.matches("\\d{1,9}") && Integer.parseInt(value) > 0) {
            return Integer.parseInt(value);
        }
        throw new WorkshopException("-D" + property + "=" + value + " is not a positive whole number. " + EXAMPLE);
    }

    private static double share(String property, String value) {
        try {
            double share = Double.parseDouble(value);
            if (share >= 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new WorkshopException("-D" + property + ": " + value + " is not a share from 0 to 1. " + EXAMPLE);
    }
}
