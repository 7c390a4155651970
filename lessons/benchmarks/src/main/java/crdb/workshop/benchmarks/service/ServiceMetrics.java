package crdb.workshop.benchmarks.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** The service's retry counters, read as a monitoring system would: GET /actuator/metrics/{name}. */
final class ServiceMetrics {

    private final HttpClient http;
    private final URI service;

    ServiceMetrics(HttpClient http, URI service) {
        this.http = http;
        this.service = service;
    }

    /** Retries and committed units of work, so far. */
    double[] retriesAndCommits() {
        return new double[] {count("bank.transaction.retries"), count("bank.transaction.commits")};
    }

    /** The counter's total over all its tags; 0 before anything was counted. */
    private double count(String name) {
        HttpRequest request = HttpRequest.newBuilder(service.resolve("/actuator/metrics/" + name))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 404) {
                return 0;
            }
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET /actuator/metrics/" + name + " answered " + answer.statusCode());
            }
            return JsonMapper.shared().readTree(answer.body()).path("measurements").get(0).path("value").asDouble();
        } catch (IOException e) {
            throw new IllegalStateException("GET /actuator/metrics/" + name + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the service's metrics", e);
        }
    }
}
