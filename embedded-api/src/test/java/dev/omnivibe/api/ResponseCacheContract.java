package dev.omnivibe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnivibe.engine.cache.Cache;
import dev.omnivibe.engine.testkit.TestDecks;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The response cache rules, run against each cache backend through the real server. */
abstract class ResponseCacheContract {
  @TempDir static Path dir;
  static ApiFixture api;

  static void start(Cache cache) {
    api = new ApiFixture(dir, cache, new ApiConfig().port(0));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @BeforeEach
  void clear() {
    api.server.responses().backend().invalidate("*");
  }

  static String cacheHeader(HttpResponse<?> r) {
    return r.headers().firstValue("X-Cache").orElse("none");
  }

  @Test
  void aSecondGetIsAHitWithTheSameRepresentation() throws Exception {
    HttpResponse<String> first = api.get("/api/v1/encoders");
    HttpResponse<String> second = api.get("/api/v1/encoders");
    assertThat(cacheHeader(first)).isEqualTo("MISS");
    assertThat(cacheHeader(second)).isEqualTo("HIT");
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
    assertThat(second.headers().firstValue("Cache-Control")).hasValue("private, max-age=300");
    assertThat(second.headers().firstValue("Age")).isPresent();
    assertThat(second.headers().firstValue("X-Response-Time"))
        .hasValueSatisfying(v -> assertThat(v).endsWith("ms"));
  }

  @Test
  void headSharesTheGetEntryAndSendsNoBody() throws Exception {
    HttpResponse<String> get = api.get("/api/v1/encoders");
    HttpResponse<String> head =
        api.send(
            api.request("/api/v1/encoders")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(cacheHeader(head)).isEqualTo("HIT");
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
    assertThat(head.headers().firstValue("Content-Length"))
        .hasValue(
            String.valueOf(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    // every response says whether the cache answered, even on routes it never stores
    HttpResponse<String> post =
        api.postJson("/api/v1/cache/invalidate", "{\"pattern\":\"/nothing*\"}");
    assertThat(cacheHeader(post)).isEqualTo("MISS");
  }

  @Test
  void aMatchingIfNoneMatchGets304WithTheSameValidators() throws Exception {
    HttpResponse<String> first = api.get("/api/v1/encoders");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    for (int i = 0; i < 2; i++) { // once on a miss path (already stored), once more on a hit
      HttpResponse<String> r =
          api.send(
              api.request("/api/v1/encoders")
                  .header("If-None-Match", "\"other\", " + etag)
                  .GET()
                  .build());
      assertThat(r.statusCode()).isEqualTo(304);
      assertThat(r.body()).isEmpty();
      assertThat(r.headers().firstValue("ETag")).hasValue(etag);
      assertThat(r.headers().firstValue("Cache-Control")).hasValue("private, max-age=300");
      assertThat(r.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    }
    HttpResponse<String> stale =
        api.send(api.request("/api/v1/encoders").header("If-None-Match", "\"nope\"").GET().build());
    assertThat(stale.statusCode()).isEqualTo(200);
  }

  @Test
  void gzipIsADifferentRepresentationWithItsOwnEtag() throws Exception {
    HttpResponse<String> plain = api.get("/api/v1/encoders");
    HttpResponse<byte[]> gz =
        api.http.send(
            api.request("/api/v1/encoders").header("Accept-Encoding", "gzip").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gz.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    String plainTag = plain.headers().firstValue("ETag").orElseThrow();
    String gzTag = gz.headers().firstValue("ETag").orElseThrow();
    assertThat(gzTag).isNotEqualTo(plainTag).endsWith("-gzip\"");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(plain.body());
    }
    assertThat(gz.body().length).isLessThan(plain.body().length());
    HttpResponse<String> notModified =
        api.send(
            api.request("/api/v1/encoders")
                .header("Accept-Encoding", "gzip")
                .header("If-None-Match", gzTag)
                .GET()
                .build());
    assertThat(notModified.statusCode()).isEqualTo(304);
    // A small body is never compressed.
    HttpResponse<byte[]> small =
        api.http.send(
            api.request("/").header("Accept-Encoding", "gzip").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
  }

  @Test
  void noStoreOnTheRequestBypassesTheCache() throws Exception {
    HttpRequest noStore =
        api.request("/api/v1/queues").header("Cache-Control", "no-store").GET().build();
    assertThat(cacheHeader(api.send(noStore))).isEqualTo("MISS");
    assertThat(cacheHeader(api.send(noStore))).isEqualTo("MISS");
    assertThat(cacheHeader(api.get("/api/v1/queues"))).isEqualTo("MISS"); // nothing was stored
    assertThat(cacheHeader(api.get("/api/v1/queues"))).isEqualTo("HIT");
    HttpRequest noCache =
        api.request("/api/v1/queues").header("Cache-Control", "no-cache").GET().build();
    assertThat(cacheHeader(api.send(noCache))).isEqualTo("MISS");
  }

  @Test
  void oneCallersResponsesAreNeverServedToAnother() throws Exception {
    api.get("/api/v1/encoders");
    assertThat(cacheHeader(api.get("/api/v1/encoders"))).isEqualTo("HIT");
    String other = api.tokens.issue("another script");
    HttpResponse<String> r = api.send(api.requestAs(other, "/api/v1/encoders").GET().build());
    assertThat(cacheHeader(r)).isEqualTo("MISS");
  }

  @Test
  void theQueryIsPartOfTheKeyInAnyOrder() throws Exception {
    api.get("/api/v1/performance/report?category=api&hours=1");
    assertThat(cacheHeader(api.get("/api/v1/performance/report?hours=1&category=api")))
        .isEqualTo("HIT");
    assertThat(cacheHeader(api.get("/api/v1/performance/report?hours=2&category=api")))
        .isEqualTo("MISS");
  }

  @Test
  void invalidationByPatternThroughTheApi() throws Exception {
    api.get("/api/v1/encoders");
    api.get("/api/v1/queues");
    HttpResponse<String> r =
        api.postJson("/api/v1/cache/invalidate", "{\"pattern\":\"/api/v1/enc*\"}");
    assertThat(ApiFixture.json(r).get("removed").asLong()).isEqualTo(1);
    assertThat(cacheHeader(api.get("/api/v1/encoders"))).isEqualTo("MISS");
    assertThat(cacheHeader(api.get("/api/v1/queues"))).isEqualTo("HIT");
  }

  @Test
  void aWriteInvalidatesTheListings() throws Exception {
    api.post("/api/v1/queues/video/pause");
    try {
      api.get("/api/v1/jobs");
      assertThat(cacheHeader(api.get("/api/v1/jobs"))).isEqualTo("HIT");
      String deck =
          api.remoteDeck(TestDecks.tiny(dir.resolve("w" + System.nanoTime()), 2, 1.0, 0.5, null));
      String id =
          ApiFixture.json(api.postJson("/api/v1/jobs", "{\"deck\":" + deck + "}"))
              .get("id")
              .asText();
      HttpResponse<String> after = api.get("/api/v1/jobs");
      assertThat(cacheHeader(after)).isEqualTo("MISS");
      JsonNode jobs = ApiFixture.json(after).get("jobs");
      assertThat(jobs).extracting(j -> j.get("id").asText()).contains(id);
      api.send(api.request("/api/v1/jobs/" + id).DELETE().build());
    } finally {
      api.post("/api/v1/queues/video/resume");
    }
  }

  @Test
  void errorsAndWritesAreNeverStored() throws Exception {
    HttpResponse<String> bad = api.get("/api/v1/performance/report?hours=-1");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(cacheHeader(api.get("/api/v1/performance/report?hours=-1"))).isEqualTo("MISS");
  }
}
