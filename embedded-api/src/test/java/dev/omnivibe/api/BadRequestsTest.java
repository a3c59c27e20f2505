package dev.omnivibe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnivibe.engine.testkit.TestDecks;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad request gets a problem+json that names the problem, and the server keeps serving. */
class BadRequestsTest {
  @TempDir static Path dir;
  static ApiFixture api;
  static String goodDeck;

  @BeforeAll
  static void start() throws Exception {
    api =
        new ApiFixture(
            dir,
            new dev.omnivibe.engine.adapters.caffeine.CaffeineCache(1 << 20),
            new ApiConfig().port(0).maxUploadBytes(64 * 1024));
    goodDeck = api.remoteDeck(TestDecks.tiny(dir.resolve("deck"), 2, 1.0, 0.5, null));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static HttpRequest json(String path, String body) {
    return api.request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  static String withSlideImage(String image) {
    return "{\"deck\":"
        + goodDeck.replaceFirst("\"image\":\"asset:[0-9a-f]{64}\"", "\"image\":\"" + image + "\"")
        + "}";
  }

  static Stream<Arguments> cases() {
    String zero = "0".repeat(64);
    return Stream.of(
        Arguments.of(
            "malformed JSON",
            (Function<Void, HttpRequest>) v -> json("/api/v1/jobs", "{\"deck\": [1,"),
            400,
            "malformed JSON",
            null),
        Arguments.of(
            "not an object",
            (Function<Void, HttpRequest>) v -> json("/api/v1/jobs", "[1,2]"),
            400,
            "JSON object",
            null),
        Arguments.of(
            "wrong content type",
            (Function<Void, HttpRequest>)
                v ->
                    api.request("/api/v1/jobs")
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
            415,
            "application/json",
            null),
        Arguments.of(
            "oversized JSON",
            (Function<Void, HttpRequest>)
                v -> json("/api/v1/jobs", "{\"name\":\"" + "x".repeat(1_100_000) + "\"}"),
            413,
            "larger than",
            null),
        Arguments.of(
            "bad priority",
            (Function<Void, HttpRequest>)
                v -> json("/api/v1/jobs", "{\"priority\":12,\"deck\":" + goodDeck + "}"),
            422,
            "problem",
            "/priority"),
        Arguments.of(
            "unknown queue",
            (Function<Void, HttpRequest>)
                v -> json("/api/v1/jobs", "{\"queue\":\"gpu\",\"deck\":" + goodDeck + "}"),
            422,
            "problem",
            "/queue"),
        Arguments.of(
            "missing deck",
            (Function<Void, HttpRequest>) v -> json("/api/v1/jobs", "{\"name\":\"x\"}"),
            422,
            "problem",
            "/deck"),
        Arguments.of(
            "unknown asset",
            (Function<Void, HttpRequest>)
                v -> json("/api/v1/jobs", withSlideImage("asset:" + zero)),
            422,
            "was not uploaded",
            "/deck/slides/0/image"),
        Arguments.of(
            "path-like asset id",
            (Function<Void, HttpRequest>)
                v -> json("/api/v1/jobs", withSlideImage("asset:../../etc/passwd")),
            422,
            "not an asset id",
            "/deck/slides/0/image"),
        Arguments.of(
            "a local path",
            (Function<Void, HttpRequest>) v -> json("/api/v1/jobs", withSlideImage("/etc/passwd")),
            422,
            "upload the file",
            "/deck/slides/0/image"),
        Arguments.of(
            "unknown job",
            (Function<Void, HttpRequest>) v -> api.request("/api/v1/jobs/nope").GET().build(),
            404,
            "'nope'",
            null),
        Arguments.of(
            "unknown route",
            (Function<Void, HttpRequest>) v -> api.request("/api/v1/nothing").GET().build(),
            404,
            "no such endpoint",
            null),
        Arguments.of(
            "bad limit",
            (Function<Void, HttpRequest>) v -> api.request("/api/v1/jobs?limit=0").GET().build(),
            422,
            "limit",
            "/limit"),
        Arguments.of(
            "bad status",
            (Function<Void, HttpRequest>)
                v -> api.request("/api/v1/jobs?status=DONE").GET().build(),
            422,
            "DONE",
            "/status"),
        Arguments.of(
            "bad hours",
            (Function<Void, HttpRequest>)
                v -> api.request("/api/v1/performance/report?hours=9999").GET().build(),
            422,
            "hours",
            "/hours"),
        Arguments.of(
            "unknown queue to pause",
            (Function<Void, HttpRequest>)
                v ->
                    api.request("/api/v1/queues/gpu/pause")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
            422,
            "unknown queue 'gpu'",
            null),
        Arguments.of(
            "bad cache pattern",
            (Function<Void, HttpRequest>)
                v -> json("/api/v1/cache/invalidate", "{\"pattern\":\"a[b\"}"),
            422,
            "unclosed",
            null),
        Arguments.of(
            "upload not media",
            (Function<Void, HttpRequest>)
                v ->
                    api.request("/api/v1/assets")
                        .header("Content-Type", "image/png")
                        .POST(HttpRequest.BodyPublishers.ofString("just text, not a picture"))
                        .build(),
            415,
            "not an image",
            null),
        Arguments.of(
            "oversized upload",
            (Function<Void, HttpRequest>)
                v ->
                    api.request("/api/v1/assets")
                        .header("Content-Type", "image/png")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[100_000]))
                        .build(),
            413,
            "larger than",
            null),
        Arguments.of(
            "missing token",
            (Function<Void, HttpRequest>)
                v ->
                    HttpRequest.newBuilder(api.uri("/api/v1/jobs"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
            401,
            "Bearer",
            null),
        Arguments.of(
            "wrong token",
            (Function<Void, HttpRequest>)
                v ->
                    HttpRequest.newBuilder(api.uri("/api/v1/jobs"))
                        .header("Authorization", "Bearer nope")
                        .GET()
                        .build(),
            401,
            "not valid",
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersWithAProblem(
      String name, Function<Void, HttpRequest> request, int status, String detail, String pointer)
      throws Exception {
    HttpResponse<String> r = api.send(request.apply(null));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode p = ApiFixture.json(r);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("detail").asText()).contains(detail);
    assertThat(r.body()).doesNotContain(api.data.toString());
    if (pointer != null) {
      assertThat(p.get("errors")).extracting(e -> e.get("pointer").asText()).contains(pointer);
    }
    assertThat(api.send(HttpRequest.newBuilder(api.uri("/health")).GET().build()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aCorruptImageIsRefusedAtUpload() throws Exception {
    Path png = dir.resolve("deck/slides/01.png");
    byte[] bytes = Files.readAllBytes(png);
    Path broken = dir.resolve("broken.png");
    Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    HttpResponse<String> r =
        api.send(
            api.request("/api/v1/assets")
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofFile(broken))
                .build());
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(ApiFixture.json(r).get("detail").asText()).contains("image/png");
    try (var files = Files.list(api.engine.assetsDir())) {
      assertThat(
              files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList())
          .isEmpty();
    }
  }

  @Test
  void nothingWasQueuedByAnyBadRequest() throws Exception {
    for (Arguments a : cases().toList()) {
      api.send(((Function<Void, HttpRequest>) a.get()[1]).apply(null));
    }
    assertThat(ApiFixture.json(api.get("/api/v1/jobs")).get("jobs")).isEmpty();
    assertThat(List.of(api.get("/api/v1/queues").statusCode())).containsExactly(200);
  }
}
