package dev.omnivibe.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.adapters.redis.RedisCache;
import dev.omnivibe.engine.testkit.RedisServer;
import dev.omnivibe.engine.testkit.TestDecks;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real nodes (two engines, two data folders, two API servers) on one real Redis: no cached
 * answer ever crosses from one node to the other, nor from one token to another.
 */
class TwoNodesCacheTest {
  @TempDir static Path dir;
  static ApiFixture a;
  static ApiFixture b;

  @BeforeAll
  static void start() {
    String uri = RedisServer.shared().uri();
    a = new ApiFixture(dir.resolve("a"), new RedisCache(uri, Duration.ofSeconds(1)), config());
    b = new ApiFixture(dir.resolve("b"), new RedisCache(uri, Duration.ofSeconds(1)), config());
  }

  static ApiConfig config() {
    return new ApiConfig().port(0).cacheTtl("/api/v1/jobs", Duration.ofMinutes(5));
  }

  @AfterAll
  static void stop() {
    a.close();
    b.close();
  }

  static String cache(HttpResponse<String> r) {
    return r.headers().firstValue("X-Cache").orElse("");
  }

  @Test
  void aNodeNeverAnswersWithAnotherNodesEntries() throws Exception {
    // A query of this test's own, so entries other tests made do not count.
    String mine = "?probe=" + System.nanoTime();
    String[] paths = {"/api/v1/encoders", "/api/v1/queues", "/api/v1/jobs", "/"};
    for (String bare : paths) {
      String path = bare + mine;
      HttpResponse<String> first = a.get(path);
      assertThat(first.statusCode()).as(path).isEqualTo(200);
      assertThat(cache(a.get(path))).as(path + " on a, again").isEqualTo("HIT");
      assertThat(cache(b.get(path))).as(path + " on b, its first time").isEqualTo("MISS");
    }
    // A job on a is a's: b's listing, cached before, does not show it, and never did.
    String deck = a.remoteDeck(TestDecks.tiny(dir.resolve("deck"), 1, 1.0, 0, null));
    assertThat(a.postJson("/api/v1/jobs", "{\"deck\": " + deck + "}").statusCode()).isEqualTo(202);
    assertThat(ApiFixture.json(a.get("/api/v1/jobs" + mine)).get("jobs")).hasSize(1);
    assertThat(ApiFixture.json(b.get("/api/v1/jobs" + mine)).get("jobs")).isEmpty();
  }

  @Test
  void healthIsPerNodeToo() throws Exception {
    String mine = "?probe=" + System.nanoTime();
    var health = java.net.http.HttpRequest.newBuilder(a.uri("/health" + mine)).GET().build();
    a.send(health);
    assertThat(cache(a.send(health))).isEqualTo("HIT");
    var onB = java.net.http.HttpRequest.newBuilder(b.uri("/health" + mine)).GET().build();
    assertThat(cache(b.send(onB))).isEqualTo("MISS");
  }

  @Test
  void invalidatingOnOneNodeLeavesTheOtherNodesEntries() throws Exception {
    String path = "/api/v1/encoders?probe=" + System.nanoTime();
    b.get(path);
    assertThat(cache(b.get(path))).isEqualTo("HIT");
    a.get(path);
    HttpResponse<String> dropped = a.postJson("/api/v1/cache/invalidate", "{\"pattern\": \"*\"}");
    assertThat(dropped.statusCode()).isEqualTo(200);
    assertThat(ApiFixture.json(dropped).get("removed").asLong()).isPositive();
    assertThat(cache(a.get(path))).as("a's own entry went").isEqualTo("MISS");
    assertThat(cache(b.get(path))).as("b's stayed").isEqualTo("HIT");
  }

  @Test
  void anEntryBelongsToTheTokenThatAskedEvenOfTheSameRole() throws Exception {
    String one = a.tokens.issue("script one");
    String two = a.tokens.issue("script two");
    String path = "/api/v1/encoders?probe=" + System.nanoTime();
    a.send(a.requestAs(one, path).GET().build());
    assertThat(cache(a.send(a.requestAs(one, path).GET().build()))).isEqualTo("HIT");
    assertThat(cache(a.send(a.requestAs(two, path).GET().build()))).isEqualTo("MISS");
  }
}
