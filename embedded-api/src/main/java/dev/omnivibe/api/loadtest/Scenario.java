package dev.omnivibe.api.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A weighted mix of requests, read from JSON:
 *
 * <pre>{@code
 * {"uploads": {"slide": "slides/01.png"},
 *  "requests": [
 *    {"name": "list", "method": "GET", "path": "/api/v1/jobs", "weight": 8},
 *    {"name": "submit", "method": "POST", "path": "/api/v1/jobs", "weight": 1,
 *     "body": {"deck": {"slides": [{"image": "{slide}", "duration": 2}]}}},
 *    {"name": "watch", "sse": "/api/v1/jobs/{job}/events", "weight": 1}]}
 * }</pre>
 *
 * Uploads are sent once before the run; their asset ids replace {@code {name}} in bodies.
 */
public record Scenario(List<Step> steps, Map<String, Path> uploads) {
  public Scenario {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a scenario needs at least one request");
    }
    steps = List.copyOf(steps);
    uploads = Map.copyOf(uploads);
  }

  public static Scenario single(String endpoint) {
    return new Scenario(List.of(Step.get(endpoint)), Map.of());
  }

  /**
   * @throws IllegalArgumentException naming the file and the bad entry
   */
  public static Scenario read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    List<Step> steps = new ArrayList<>();
    JsonNode requests = root.path("requests");
    if (!requests.isArray()) {
      throw new IllegalArgumentException(file + ": \"requests\" must be a list");
    }
    for (JsonNode r : requests) {
      boolean sse = r.has("sse");
      String path = sse ? r.get("sse").asText() : r.path("path").asText("");
      String method = sse ? "GET" : r.path("method").asText("GET").toUpperCase(Locale.ROOT);
      String name = r.path("name").asText(method + " " + path);
      JsonNode body = r.get("body");
      steps.add(
          new Step(
              name,
              method,
              path,
              body == null ? null : body.toString(),
              sse,
              r.path("weight").asInt(1)));
    }
    Map<String, Path> uploads = new LinkedHashMap<>();
    root.path("uploads")
        .fields()
        .forEachRemaining(
            e ->
                uploads.put(
                    e.getKey(), file.toAbsolutePath().getParent().resolve(e.getValue().asText())));
    return new Scenario(steps, uploads);
  }

  /** A step picked by weight. */
  Step pick(RandomGenerator random) {
    if (steps.size() == 1) {
      return steps.get(0);
    }
    int total = 0;
    for (Step s : steps) {
      total += s.weight();
    }
    int x = random.nextInt(total);
    for (Step s : steps) {
      x -= s.weight();
      if (x < 0) {
        return s;
      }
    }
    return steps.get(steps.size() - 1);
  }
}
