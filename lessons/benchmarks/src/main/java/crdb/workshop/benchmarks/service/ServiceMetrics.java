package crdb.workshop.benchmarks.service;

import java.io.IOException;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.json.JsonMapper;

/** The service's retry counters, read as a monitoring system would: GET /actuator/metrics/{name}. */
final class ServiceMetrics {

    /** Read between runs, never under load: an answer slower than this is a failure. */
    private static final RequestConfig READ = RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build();

    private final CloseableHttpClient http;
    private final URI service;

    /** {@code http}: the load's own connection pool, idle while the counters are read. */
    ServiceMetrics(CloseableHttpClient http, URI service) {
        this.http = http;
        this.service = service;
    }

    /** Retries and committed units of work, so far. */
    double[] retriesAndCommits() {
        return new double[] {count("bank.transaction.retries"), count("bank.transaction.commits")};
    }

    /** The counter's total over all its tags; 0 before anything was counted. */
    private double count(String name) {
        HttpGet request = new HttpGet(service.resolve("/actuator/metrics/" + name));
        request.setConfig(READ);
        try {
            return http.execute(request, response -> {
                if (response.getCode() == 404) {
                    return 0.0;
                }
                if (response.getCode() != 200) {
                    throw new IllegalStateException("GET /actuator/metrics/" + name + " answered " + response.getCode());
                }
                return JsonMapper.shared().readTree(EntityUtils.toString(response.getEntity()))
                        .path("measurements").get(0).path("value").asDouble();
            });
        } catch (IOException e) {
            throw new IllegalStateException("GET /actuator/metrics/" + name + " failed: " + e.getMessage(), e);
        }
    }
}
