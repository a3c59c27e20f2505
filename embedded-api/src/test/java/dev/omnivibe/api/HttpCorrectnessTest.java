package dev.omnivibe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnivibe.engine.testkit.TestDecks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What HTTP clients rely on: methods, event streams, numbers, status codes and no leaks. */
class HttpCorrectnessTest {
  @TempDir static Path dir;
  static ApiFixture api;
  static String deck;

  @BeforeAll
  static void start() throws Exception {
    api =
        new ApiFixture(
            dir,
            new dev.omnivibe.engine.adapters.caffeine.CaffeineCache(1 << 20),
            new ApiConfig()
                .port(0)
                .maxUploadBytes(64 * 1024)
                .streams(2, 3)
                .cacheTtl("/api/v1/jobs", java.time.Duration.ofMinutes(5)));
    api.engine.queue().pauseAll(); // jobs stay queued: a stream stays open until the test closes it
    deck = api.remoteDeck(TestDecks.tiny(dir.resolve("deck"), 1, 1.0, 0, null));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static String submit(String extra) throws Exception {
    HttpResponse<String> r = api.postJson("/api/v1/jobs", "{\"deck\": " + deck + extra + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return ApiFixture.json(r).get("id").asText();
  }

  static HttpResponse<InputStream> events(String id, String accept) throws Exception {
    HttpRequest.Builder b = api.request("/api/v1/jobs/" + id + "/events").GET();
    if (accept != null) {
      b.header("Accept", accept);
    }
    return api.http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  /** A stream, once the places of streams closed before are free again. */
  static HttpResponse<InputStream> openStream(String id, String accept) {
    return dev.omnivibe.engine.testkit.Await.value(
        "a free stream place",
        () -> {
          try {
            HttpResponse<InputStream> r = events(id, accept);
            if (r.statusCode() == 429) {
              r.body().close();
            }
            return r;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        r -> r.statusCode() != 429);
  }

  @Test
  void aWrongMethodIs405WithAllow() throws Exception {
    HttpResponse<String> put =
        api.send(
            api.request("/api/v1/jobs").PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).hasValue("POST, GET, HEAD");
    assertThat(put.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> post = api.post("/api/v1/jobs/" + "x".repeat(8) + "/output");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    HttpResponse<String> delete = api.send(api.request("/api/v1/queues").DELETE().build());
    assertThat(delete.statusCode()).isEqualTo(405);
  }

  @Test
  void anUnknownJobsStreamIs404BeforeAnyStreamStarts() throws Exception {
    HttpResponse<InputStream> r = events("no-such-job", "text/event-stream");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    r.body().close();
  }

  @Test
  void streamsStartForEveryAcceptThatTakesThemAndOnlyThose() throws Exception {
    String id = submit("");
    for (String accept : new String[] {"text/event-stream; charset=utf-8", "*/*", "text/*", null}) {
      HttpResponse<InputStream> r = openStream(id, accept);
      assertThat(r.statusCode()).as(String.valueOf(accept)).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
      byte[] first = r.body().readNBytes(12);
      assertThat(new String(first, StandardCharsets.UTF_8)).as(accept).startsWith("id:");
      r.body().close();
    }
    HttpResponse<InputStream> json = events(id, "application/json");
    assertThat(json.statusCode()).isEqualTo(406);
    json.body().close();
  }

  @Test
  void openStreamsAreLimitedPerTokenAndInTotal() throws Exception {
    String id = submit(", \"name\": \"streamed\"");
    List<HttpResponse<InputStream>> open = new ArrayList<>();
    try {
      open.add(openStream(id, "text/event-stream"));
      open.add(openStream(id, "text/event-stream"));
      assertThat(open).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
      HttpResponse<InputStream> third = events(id, "text/event-stream");
      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(new String(third.body().readAllBytes(), StandardCharsets.UTF_8))
          .contains("this token already has 2 event streams open");
      // Another token gets one more, then the node's total is reached.
      String other = api.tokens.issue("watcher");
      var b = api.requestAs(other, "/api/v1/jobs/" + id + "/events").GET().build();
      HttpResponse<InputStream> hers = api.http.send(b, HttpResponse.BodyHandlers.ofInputStream());
      open.add(hers);
      // A submitter watches only its own jobs: this job is not hers.
      assertThat(hers.statusCode()).isEqualTo(404);
    } finally {
      for (var r : open) {
        r.body().close();
      }
    }
    // Closed streams give their places back.
    dev.omnivibe.engine.testkit.Await.until(
        "streams to close",
        () -> {
          try {
            HttpResponse<InputStream> again = events(id, "text/event-stream");
            again.body().close();
            return again.statusCode() == 200;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void aStreamIsNeverASlowRequest() throws Exception {
    String id = submit(", \"name\": \"slow stream\"");
    HttpResponse<InputStream> r = openStream(id, "text/event-stream");
    r.body().readNBytes(3);
    Thread.sleep(300);
    r.body().close();
    String op = "GET /api/v1/jobs/{id}/events";
    var streams =
        dev.omnivibe.engine.testkit.Await.value(
            "the stream to be recorded",
            () ->
                api.engine
                    .metrics()
                    .report("api-stream", java.time.Duration.ofHours(1))
                    .operations(),
            ops -> ops.containsKey(op));
    // Requests to the endpoint that were refused before streaming are ordinary requests; the
    // stream itself, open far longer, is not among them.
    var plain =
        api.engine.metrics().report("api", java.time.Duration.ofHours(1)).operations().get(op);
    if (plain != null) {
      assertThat(plain.maxMs()).isLessThan(streams.get(op).maxMs());
    }
    assertThat(streams.get(op).maxMs()).isGreaterThanOrEqualTo(300);
  }

  @Test
  void numbersOutsideTheirRangeAreRefusedNotTruncated() throws Exception {
    for (String body :
        new String[] {
          "{\"priority\": 4294967305, \"deck\": " + deck + "}",
          "{\"priority\": \"abc\", \"deck\": " + deck + "}",
          "{\"priority\": 3.5, \"deck\": " + deck + "}"
        }) {
      HttpResponse<String> r = api.postJson("/api/v1/jobs", body);
      assertThat(r.statusCode()).as(body).isEqualTo(422);
      assertThat(ApiFixture.json(r).get("errors").get(0).get("pointer").asText())
          .isEqualTo("/priority");
    }
    HttpResponse<String> speech =
        api.postJson("/api/v1/audio/generate", "{\"text\": \"hi\", \"priority\": \"abc\"}");
    assertThat(speech.statusCode()).isEqualTo(422);
    assertThat(speech.body()).contains("/priority");
    String id = submit("");
    HttpResponse<String> patch =
        api.send(
            api.request("/api/v1/jobs/" + id)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"priority\": 4294967305}"))
                .build());
    assertThat(patch.statusCode()).isEqualTo(422);
    assertThat(api.engine.job(id).orElseThrow().priority()).isEqualTo(5);
  }

  @Test
  void aConflictIsAJobStateNotAnyIllegalState() throws Exception {
    String id = submit("");
    api.send(api.request("/api/v1/jobs/" + id).DELETE().build());
    HttpResponse<String> again = api.send(api.request("/api/v1/jobs/" + id).DELETE().build());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(ApiFixture.json(again).get("detail").asText()).contains("CANCELLED");
    // Anything unexpected is a 500 that shows nothing of the machine.
    ApiException unexpected =
        Problems.from(
            new IllegalStateException("cannot open /home/render/.local/share/omnivibe/x.db"));
    assertThat(unexpected.status()).isEqualTo(500);
    assertThat(unexpected.getMessage()).doesNotContain("/home").doesNotContain("Exception");
    ApiException store =
        Problems.from(
            new dev.omnivibe.engine.store.StoreException(
                "cannot update jobs in the job store /srv/omnivibe/omnivibe.db: busy"));
    assertThat(store.status()).isEqualTo(503);
    assertThat(store.getMessage()).doesNotContain("/srv");
  }

  @Test
  void aChunkedMultipartUploadOverTheLimitIs413() throws Exception {
    String boundary = "----omnivibe" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\""
                + "\r\nContent-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(new byte[200 * 1024]);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    byte[] bytes = body.toByteArray();
    HttpResponse<String> r =
        api.send(
            api.request("/api/v1/assets")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                // No length: sent chunked, so only parsing finds out it is too large.
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void concurrentSubmissionsWithOneIdempotencyKeyMakeOneJob() throws Exception {
    String key = "same-" + System.nanoTime();
    Callable<HttpResponse<String>> call =
        () ->
            api.send(
                api.request("/api/v1/jobs")
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"name\": \"once\", \"deck\": " + deck + "}"))
                    .build());
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<HttpResponse<String>>> all = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        all.add(pool.submit(call));
      }
      Set<String> ids = new java.util.HashSet<>();
      for (var f : all) {
        HttpResponse<String> r = f.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        ids.add(ApiFixture.json(r).get("id").asText());
      }
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    long named =
        api.engine.jobs(dev.omnivibe.engine.store.JobQuery.all(100)).jobs().stream()
            .filter(j -> j.name().equals("once"))
            .count();
    assertThat(named).isEqualTo(1);
  }

  @Test
  void listingsShowADeleteOrPatchAtOnce() throws Exception {
    String id = submit(", \"name\": \"listed\"");
    JsonNode before = ApiFixture.json(api.get("/api/v1/jobs"));
    assertThat(state(before, id)).isEqualTo("QUEUED");
    api.send(
        api.request("/api/v1/jobs/" + id)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"priority\": 8}"))
            .build());
    assertThat(priority(ApiFixture.json(api.get("/api/v1/jobs")), id)).isEqualTo(8);
    assertThat(ApiFixture.json(api.get("/api/v1/jobs/" + id)).get("priority").asInt()).isEqualTo(8);
    api.send(api.request("/api/v1/jobs/" + id).DELETE().build());
    assertThat(state(ApiFixture.json(api.get("/api/v1/jobs")), id)).isEqualTo("CANCELLED");
  }

  private static String state(JsonNode listing, String id) {
    for (JsonNode j : listing.get("jobs")) {
      if (j.get("id").asText().equals(id)) {
        return j.get("state").asText();
      }
    }
    return "absent";
  }

  private static int priority(JsonNode listing, String id) {
    for (JsonNode j : listing.get("jobs")) {
      if (j.get("id").asText().equals(id)) {
        return j.get("priority").asInt();
      }
    }
    return -1;
  }

  @Test
  void jettysOwnRejectionsAreProblemDocuments() throws Exception {
    URI base = URI.create(api.server.url());
    String[] requests = {
      // an ambiguous, encoded ".." segment
      "GET /static/%2e%2e/openapi.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      // a request line far past the limit
      "GET /api/v1/jobs?"
          + "q".repeat(20_000)
          + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      // header fields past the limit
      "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: "
          + "h".repeat(20_000)
          + "\r\nConnection: close\r\n\r\n"
    };
    for (String request : requests) {
      String response = raw(base, request);
      String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
      assertThat(head).as(request.substring(0, 40)).matches("(?s)HTTP/1.1 4\\d\\d .*");
      assertThat(head.toLowerCase(java.util.Locale.ROOT))
          .contains("content-type: application/problem+json");
      String body = response.substring(response.indexOf("\r\n\r\n") + 4);
      assertThat(body).doesNotContain("<html").contains("\"status\":4");
    }
  }

  /** One request written by hand, so nothing on the way normalises it. */
  private static String raw(URI base, String request) throws Exception {
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
