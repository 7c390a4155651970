package crdb.workshop.springboot;

import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the service for tests: real HTTP, every answer returned (4xx and 5xx included), never thrown. */
final class HttpBank {

    /**
     * One answer: its status, its headers, its body as JSON (a missing node when there was none)
     * and how many bytes the body had.
     */
    record Answer(int status, HttpHeaders headers, JsonNode body, int bodyBytes) {

        String contentType() {
            return headers.getFirst(HttpHeaders.CONTENT_TYPE);
        }

        /** The problem detail's type, without the tag URI's prefix: "insufficient-funds". */
        String problemType() {
            String type = body.path("type").asString();
            return type.substring(type.lastIndexOf(':') + 1);
        }
    }

    private final RestClient http;

    HttpBank(int port) {
        this.http = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }

    Answer transfer(UUID key, UUID from, UUID to, long amount) {
        return post("/transfers", key.toString(), json(from, to, amount));
    }

    static String json(UUID from, UUID to, long amount) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"amount\":" + amount + "}";
    }

    /** POSTs {@code body} as JSON, with an Idempotency-Key unless {@code key} is null. */
    Answer post(String path, String key, String body) {
        return http.post().uri(path)
                .headers(headers -> {
                    if (key != null) {
                        headers.set("Idempotency-Key", key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> answer(response), true);
    }

    Answer get(String path) {
        return http.get().uri(path).exchange((request, response) -> answer(response), true);
    }

    private static Answer answer(ClientHttpResponse response) throws IOException {
        byte[] bytes = response.getBody().readAllBytes();
        JsonNode body = bytes.length == 0 ? JsonMapper.shared().missingNode() : JsonMapper.shared().readTree(bytes);
        return new Answer(response.getStatusCode().value(), response.getHeaders(), body, bytes.length);
    }
}
