package dev.omnivibe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnivibe.engine.adapters.redis.RedisCache;
import dev.omnivibe.engine.testkit.Await;
import dev.omnivibe.engine.testkit.RedisServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisResponseCacheTest extends ResponseCacheContract {
  static RedisServer redis;

  @BeforeAll
  static void open() {
    redis = RedisServer.start(); // its own server: the outage test stops it
    start(new RedisCache(redis.uri(), Duration.ofMillis(300)));
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Test
  void whenRedisIsDownRequestsPassThroughUncachedAndTheCacheComesBack() throws Exception {
    api.get("/api/v1/encoders");
    assertThat(cacheHeader(api.get("/api/v1/encoders"))).isEqualTo("HIT");
    redis.stop();
    try {
      HttpResponse<String> r = api.get("/api/v1/encoders");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(cacheHeader(r)).isEqualTo("MISS");
      JsonNode health =
          ApiFixture.json(
              api.send(
                  HttpRequest.newBuilder(api.uri("/health"))
                      .header("Cache-Control", "no-cache")
                      .GET()
                      .build()));
      assertThat(health.get("status").asText()).isEqualTo("degraded");
      assertThat(health.get("cache").get("status").asText()).contains("unreachable");
      assertThat(api.server.responses().backend().stats().errors()).isPositive();
    } finally {
      redis.restart();
    }
    Await.until(
        "the cache to serve hits again",
        () -> {
          try {
            api.get("/api/v1/encoders");
            return cacheHeader(api.get("/api/v1/encoders")).equals("HIT");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
