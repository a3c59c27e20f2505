package dev.omnivibe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnivibe.engine.dedup.ContentHasher;
import dev.omnivibe.engine.testkit.Await;
import dev.omnivibe.engine.testkit.TestDecks;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A remote script's whole path: upload, submit, watch, download; and steering jobs. */
class JobsApiTest {
  @TempDir static Path dir;
  static ApiFixture api;
  static Path deckFile;

  @BeforeAll
  static void start() throws Exception {
    api = new ApiFixture(dir);
    deckFile = TestDecks.tiny(dir.resolve("deck"), 3, 1.0, 0.5, "fade");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static String submitBody(String deck, String name, int priority) {
    return "{\"name\":\""
        + name
        + "\",\"priority\":"
        + priority
        + ",\"queue\":\"video\",\"deck\":"
        + deck
        + "}";
  }

  @Test
  void uploadSubmitWatchAndDownload() throws Exception {
    String deck = api.remoteDeck(deckFile);
    HttpResponse<String> submitted =
        api.postJson("/api/v1/jobs", submitBody(deck, "from a script", 7));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    JsonNode job = ApiFixture.json(submitted);
    String id = job.get("id").asText();
    assertThat(submitted.headers().firstValue("Location")).hasValue("/api/v1/jobs/" + id);
    assertThat(job.get("priority").asInt()).isEqualTo(7);
    assertThat(job.get("queue").asText()).isEqualTo("video");
    for (String field :
        List.of(
            "id",
            "name",
            "state",
            "priority",
            "queue",
            "attempts",
            "encoder",
            "progress",
            "cached",
            "createdAt",
            "startedAt",
            "finishedAt",
            "error")) {
      assertThat(job.has(field)).as(field).isTrue();
    }

    HttpResponse<InputStream> stream =
        api.http.send(
            api.request("/api/v1/jobs/" + id + "/events")
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    List<Sse.Event> events = Sse.readAll(stream.body());
    assertThat(events).isNotEmpty();
    Sse.Event last = events.get(events.size() - 1);
    JsonNode finalState = Json.MAPPER.readTree(last.data());
    assertThat(last.type()).isEqualTo("state");
    assertThat(finalState.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(finalState.get("encoder").asText()).isEqualTo("libx264");
    assertThat(events).extracting(Sse.Event::id).doesNotContainNull();

    HttpResponse<byte[]> video =
        api.http.send(
            api.request("/api/v1/jobs/" + id + "/output").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(video.statusCode()).isEqualTo(200);
    assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");
    assertThat(video.headers().firstValue("Content-Encoding")).isEmpty();
    String etag = video.headers().firstValue("ETag").orElseThrow();
    Path copy = dir.resolve("download.mp4");
    Files.write(copy, video.body());
    assertThat(etag).isEqualTo("\"" + ContentHasher.fresh(copy) + "\"");

    HttpResponse<byte[]> part =
        api.http.send(
            api.request("/api/v1/jobs/" + id + "/output")
                .header("Range", "bytes=100-199")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("Content-Range"))
        .hasValue("bytes 100-199/" + video.body().length);
    assertThat(part.body()).containsExactly(java.util.Arrays.copyOfRange(video.body(), 100, 200));
    HttpResponse<byte[]> tail =
        api.http.send(
            api.request("/api/v1/jobs/" + id + "/output")
                .header("Range", "bytes=-10")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(tail.body()).hasSize(10);
    HttpResponse<String> beyond =
        api.send(
            api.request("/api/v1/jobs/" + id + "/output")
                .header("Range", "bytes=999999999-")
                .GET()
                .build());
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(beyond.headers().firstValue("Content-Range"))
        .hasValue("bytes */" + video.body().length);
    HttpResponse<String> same =
        api.send(
            api.request("/api/v1/jobs/" + id + "/output")
                .header("If-None-Match", etag)
                .GET()
                .build());
    assertThat(same.statusCode()).isEqualTo(304);

    // The same deck again is answered at once from the earlier render.
    HttpResponse<String> again = api.postJson("/api/v1/jobs", submitBody(deck, "again", 5));
    assertThat(ApiFixture.json(again).get("cached").asBoolean()).isTrue();
    assertThat(ApiFixture.json(again).get("state").asText()).isEqualTo("SUCCEEDED");
  }

  @Test
  void aClientThatReconnectsWithLastEventIdGetsOnlyWhatItMissed() throws Exception {
    String deck = api.remoteDeck(TestDecks.tiny(dir.resolve("resume"), 2, 1.0, 0.5, null));
    String id =
        ApiFixture.json(api.postJson("/api/v1/jobs", submitBody(deck, "resume", 5)))
            .get("id")
            .asText();
    Await.until(
        "job done",
        () -> {
          try {
            return ApiFixture.json(api.get("/api/v1/jobs/" + id))
                .get("state")
                .asText()
                .equals("SUCCEEDED");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    HttpResponse<InputStream> resumed =
        api.http.send(
            api.request("/api/v1/jobs/" + id + "/events")
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", "1")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    List<Sse.Event> events = Sse.readAll(resumed.body());
    assertThat(events).isNotEmpty();
    assertThat(events).allMatch(e -> Long.parseLong(e.id()) > 1);
    assertThat(Json.MAPPER.readTree(events.get(events.size() - 1).data()).get("state").asText())
        .isEqualTo("SUCCEEDED");
  }

  @Test
  void waitingJobsCanBeReprioritisedListedAndCancelled() throws Exception {
    assertThat(api.post("/api/v1/queues/video/pause").statusCode()).isEqualTo(200);
    try {
      String deck = api.remoteDeck(TestDecks.tiny(dir.resolve("steer"), 2, 2.0, 0.5, null));
      String id =
          ApiFixture.json(api.postJson("/api/v1/jobs", submitBody(deck, "steer", 3)))
              .get("id")
              .asText();
      JsonNode queues = ApiFixture.json(api.get("/api/v1/queues"));
      JsonNode video = queues.get("queues").get(0);
      assertThat(video.get("name").asText()).isEqualTo("video");
      assertThat(video.get("paused").asBoolean()).isTrue();
      assertThat(video.get("depth").asInt()).isEqualTo(1);
      assertThat(video.get("etaSeconds").asDouble()).isPositive();

      HttpResponse<String> patched =
          api.send(
              api.request("/api/v1/jobs/" + id)
                  .header("Content-Type", "application/json")
                  .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"priority\":9}"))
                  .build());
      assertThat(patched.statusCode()).isEqualTo(200);
      assertThat(ApiFixture.json(patched).get("priority").asInt()).isEqualTo(9);

      JsonNode queued = ApiFixture.json(api.get("/api/v1/jobs?status=QUEUED&queue=video&limit=10"));
      assertThat(queued.get("jobs")).extracting(j -> j.get("id").asText()).contains(id);

      HttpResponse<String> cancelled = api.send(api.request("/api/v1/jobs/" + id).DELETE().build());
      assertThat(cancelled.statusCode()).isEqualTo(202);
      assertThat(ApiFixture.json(cancelled).get("state").asText()).isEqualTo("CANCELLED");
      HttpResponse<String> twice = api.send(api.request("/api/v1/jobs/" + id).DELETE().build());
      assertThat(twice.statusCode()).isEqualTo(409);
      HttpResponse<String> noOutput = api.get("/api/v1/jobs/" + id + "/output");
      assertThat(noOutput.statusCode()).isEqualTo(409);
    } finally {
      api.post("/api/v1/queues/video/resume");
    }
  }

  @Test
  void anIdempotencyKeyReturnsTheSameJob() throws Exception {
    api.post("/api/v1/queues/video/pause");
    try {
      String deck = api.remoteDeck(TestDecks.tiny(dir.resolve("idem"), 2, 1.5, 0.5, null));
      String key = UUID.randomUUID().toString();
      HttpRequest.Builder r =
          api.request("/api/v1/jobs")
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", key);
      HttpResponse<String> first =
          api.send(
              r.POST(HttpRequest.BodyPublishers.ofString(submitBody(deck, "idem", 4))).build());
      HttpResponse<String> second =
          api.send(
              r.POST(HttpRequest.BodyPublishers.ofString(submitBody(deck, "idem", 4))).build());
      assertThat(ApiFixture.json(second).get("id")).isEqualTo(ApiFixture.json(first).get("id"));
      assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
      HttpResponse<String> different =
          api.send(
              r.POST(HttpRequest.BodyPublishers.ofString(submitBody(deck, "other", 4))).build());
      assertThat(different.statusCode()).isEqualTo(422);
      api.send(
          api.request("/api/v1/jobs/" + ApiFixture.json(first).get("id").asText())
              .DELETE()
              .build());
    } finally {
      api.post("/api/v1/queues/video/resume");
    }
  }

  @Test
  void multipartUploadsWorkAndAreContentAddressed() throws Exception {
    Path png = deckFile.resolveSibling("slides/01.png");
    String boundary = "omnivibe" + UUID.randomUUID();
    byte[] file = Files.readAllBytes(png);
    var body = new java.io.ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"01.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n")
            .getBytes());
    body.write(file);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes());
    HttpResponse<String> r =
        api.send(
            api.request("/api/v1/assets")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode asset = ApiFixture.json(r);
    assertThat(asset.get("sha256").asText()).isEqualTo(ContentHasher.fresh(png));
    assertThat(asset.get("mediaType").asText()).isEqualTo("image/png");
    assertThat(r.body()).doesNotContain(api.data.toString());
    assertThat(api.upload(png, "application/octet-stream")).isEqualTo(asset.get("id").asText());
  }

  @Test
  void encodersPerformanceAndMetricsAnswer() throws Exception {
    JsonNode enc = ApiFixture.json(api.get("/api/v1/encoders"));
    assertThat(enc.get("default").asText()).isEqualTo("libx264");
    assertThat(enc.get("encoders"))
        .anySatisfy(e -> assertThat(e.get("name").asText()).isEqualTo("h264_nvenc"));
    HttpResponse<String> refreshed = api.post("/api/v1/encoders/refresh");
    assertThat(refreshed.statusCode()).isEqualTo(200);
    api.get("/api/v1/queues");
    JsonNode report = ApiFixture.json(api.get("/api/v1/performance/report?category=api&hours=1"));
    assertThat(report.get("category").asText()).isEqualTo("api");
    assertThat(report.get("total_operations").asLong()).isPositive();
    assertThat(report.get("operations").has("GET /api/v1/queues")).isTrue();
    assertThat(report.get("overall_stats").has("p95_duration_ms")).isTrue();
    JsonNode insights = ApiFixture.json(api.get("/api/v1/performance/insights"));
    assertThat(insights.has("slowest_operations")).isTrue();
    assertThat(insights.get("cache_hit_rates").has("http_responses")).isTrue();
    HttpResponse<String> metrics = api.get("/metrics");
    assertThat(metrics.body())
        .contains("# TYPE omnivibe_operation_seconds histogram")
        .contains(
            "omnivibe_operation_seconds_count{category=\"api\",operation=\"GET /api/v1/queues\"");
    JsonNode health =
        ApiFixture.json(api.send(HttpRequest.newBuilder(api.uri("/health")).GET().build()));
    assertThat(health.get("status").asText()).isEqualTo("ok");
    assertThat(health.get("cache").get("backend").asText()).isEqualTo("caffeine");
    assertThat(health.get("ffmpeg").get("version").asText()).isNotBlank();
    // Which FFmpeg and why, without local paths: /health needs no token.
    assertThat(health.get("ffmpeg").get("choice").asText())
        .startsWith(api.engine.health().ffmpegPublicChoice())
        .contains("using ")
        .doesNotContain(dev.omnivibe.engine.testkit.TestFfmpeg.real().ffmpeg().toString());
  }
}
