package dev.omnivibe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.EngineConfig;
import dev.omnivibe.engine.ffmpeg.FfmpegLocator;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.platform.AppDirs;
import dev.omnivibe.engine.request.RenderRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The first render after a start against a warm one, as a user meets them: {@code serve} (a render
 * node that just started, driven over HTTP) or {@code engine} (the engine opened in-process as the
 * desktop app opens it). The second render is the same deck in reverse order: the same work, but
 * not an answer from the result cache. Prints {@code {"first": s, "warm": s}}, the seconds from
 * each job's start to its end.
 *
 * <p>{@code FirstRender serve URL TOKEN_FILE DECK_DIR} or {@code FirstRender engine DATA_DIR
 * DECK_DIR}
 */
public final class FirstRender {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FirstRender() {}

  public static void main(String[] a) throws Exception {
    double[] s =
        a[0].equals("serve")
            ? serve(URI.create(a[1]), Files.readString(Path.of(a[2])).trim(), Path.of(a[3]))
            : engine(Path.of(a[1]), Path.of(a[2]));
    System.out.printf(
        "{\"first\": %.3f, \"warm\": %.3f%s}%n",
        s[0], s[1], s.length > 2 ? String.format(", \"estimate\": %.3f", s[2]) : "");
  }

  private static ObjectNode deck(Path dir, boolean reversed, List<String> ids) throws Exception {
    ObjectNode deck = (ObjectNode) JSON.readTree(dir.resolve("deck.json").toFile());
    ArrayNode slides = (ArrayNode) deck.get("slides");
    List<JsonNode> order = new ArrayList<>();
    slides.forEach(order::add);
    if (reversed) {
      java.util.Collections.reverse(order);
    }
    ArrayNode out = JSON.createArrayNode();
    for (int i = 0; i < order.size(); i++) {
      ObjectNode s = ((ObjectNode) order.get(i)).deepCopy();
      s.remove("transition");
      if (i + 1 < order.size()) {
        s.putObject("transition").put("type", "fade").put("duration", 0.5);
      }
      if (ids != null) { // over HTTP the deck names uploaded assets, never local paths
        for (String field : new String[] {"image", "narration"}) {
          if (s.has(field)) {
            s.put(field, ids.get(ids.indexOf(s.get(field).asText()) + 1));
          }
        }
      }
      out.add(s);
    }
    deck.set("slides", out);
    return deck;
  }

  private static double[] engine(Path data, Path dir) throws Exception {
    AppDirs dirs = AppDirs.forCurrentUser();
    try (Engine engine =
        Engine.open(
            new EngineConfig(data, new FfmpegLocator(dirs.ffmpegCache()).locate(null, null))
                .encoderCache(dirs.encoderCache())
                .calibration(dirs.cache().resolve("calibration.json")))) {
      double[] out = new double[3];
      // What the editor would say before the first render: the estimate from calibration.
      Thread.sleep(200); // the kept calibration is read in the background at start
      out[2] =
          engine
              .inspect(RenderRequest.local("deck 0", deck(dir, false, null), dir))
              .estimateSeconds();
      for (int i = 0; i < 2; i++) {
        Job job = engine.submit(RenderRequest.local("deck " + i, deck(dir, i == 1, null), dir));
        Job done = job;
        while (!done.state().isTerminal()) {
          Thread.sleep(20);
          done = engine.job(job.id()).orElseThrow();
        }
        if (done.state() != JobState.SUCCEEDED) {
          throw new IllegalStateException("render failed: " + done.error());
        }
        out[i] = Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1e3;
      }
      return out;
    }
  }

  private static double[] serve(URI api, String token, Path dir) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<String> ids = new ArrayList<>(); // local name, then its asset id
    ObjectNode plain = deck(dir, false, null);
    for (JsonNode s : plain.get("slides")) {
      for (String field : new String[] {"image", "narration"}) {
        if (s.has(field) && !ids.contains(s.get(field).asText())) {
          String name = s.get(field).asText();
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(api.resolve("/api/v1/assets"))
                      .header("Authorization", "Bearer " + token)
                      .header("Content-Type", field.equals("image") ? "image/png" : "audio/wav")
                      .POST(HttpRequest.BodyPublishers.ofFile(dir.resolve(name)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          ids.add(name);
          ids.add(JSON.readTree(r.body()).get("id").asText());
        }
      }
    }
    double[] out = new double[2];
    for (int i = 0; i < 2; i++) {
      ObjectNode body = JSON.createObjectNode().put("name", "deck " + i);
      body.set("deck", deck(dir, i == 1, ids));
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(api.resolve("/api/v1/jobs"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String id = JSON.readTree(r.body()).path("id").asText();
      if (id.isEmpty()) {
        throw new IllegalStateException("submit refused: " + r.body());
      }
      JsonNode job;
      do {
        Thread.sleep(20);
        job =
            JSON.readTree(
                http.send(
                        HttpRequest.newBuilder(api.resolve("/api/v1/jobs/" + id))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
      } while (!job.path("finishedAt").isTextual());
      if (!job.path("state").asText().equalsIgnoreCase("succeeded")) {
        throw new IllegalStateException("render failed: " + job);
      }
      out[i] =
          Duration.between(
                      Instant.parse(job.get("startedAt").asText()),
                      Instant.parse(job.get("finishedAt").asText()))
                  .toMillis()
              / 1e3;
    }
    return out;
  }
}
