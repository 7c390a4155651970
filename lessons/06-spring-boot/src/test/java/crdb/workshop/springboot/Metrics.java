package crdb.workshop.springboot;

import crdb.workshop.springboot.HttpBank.Answer;

/** Reads a counter through Actuator, as a monitoring system would: GET /actuator/metrics/{name}. */
final class Metrics {

    private Metrics() {
    }

    /** The counter's total over all tags, optionally narrowed to {@code tag} ("sqlstate:40001"); 0 if none yet. */
    static double count(HttpBank bank, String name, String... tags) {
        StringBuilder path = new StringBuilder("/actuator/metrics/").append(name);
        for (int i = 0; i < tags.length; i++) {
            path.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
        }
        Answer answer = bank.get(path.toString());
        if (answer.status() == 404) {
            return 0; // no such meter yet: nothing counted
        }
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.status());
        }
        return answer.body().path("measurements").get(0).path("value").asDouble();
    }
}
