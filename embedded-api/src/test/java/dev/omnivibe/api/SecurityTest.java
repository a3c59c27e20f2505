package dev.omnivibe.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.adapters.caffeine.CaffeineCache;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityTest {
  @TempDir static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() {
    api = new ApiFixture(dir);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void bindsToLoopbackByDefault() {
    assertThat(api.server.url()).startsWith("http://127.0.0.1:");
  }

  @Test
  void healthAndOpenApiNeedNoToken() throws Exception {
    for (String path : new String[] {"/health", "/openapi.json"}) {
      HttpResponse<String> r = api.send(HttpRequest.newBuilder(api.uri(path)).GET().build());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void everythingElseNeedsTheToken() throws Exception {
    HttpResponse<String> none =
        api.send(HttpRequest.newBuilder(api.uri("/api/v1/jobs")).GET().build());
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(ApiFixture.json(none).get("detail").asText()).contains("Authorization: Bearer");
    HttpResponse<String> wrong =
        api.send(
            HttpRequest.newBuilder(api.uri("/static/index.html"))
                .header("Authorization", "Bearer ovw_not-the-token")
                .GET()
                .build());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(ApiFixture.json(wrong).get("detail").asText()).contains("not valid");
    assertThat(api.get("/api/v1/jobs").statusCode()).isEqualTo(200);
  }

  @Test
  void theTokenFileIsOwnerOnly() throws Exception {
    Path file = api.tokens.file();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(api.token).startsWith("ovw_").hasSizeGreaterThan(40);
  }

  @Test
  void headIsHeldToTheSameRulesAsGet() throws Exception {
    String submitter = api.tokens.issue("head script");
    HttpResponse<String> head =
        api.send(
            api.requestAs(submitter, "/api/v1/tokens")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(head.statusCode()).isEqualTo(403);
    HttpResponse<String> anonymous =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/v1/jobs"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void otherTokensWorkAndOnlyTheOwnerRotates() throws Exception {
    String colleague = api.tokens.issue("render script");
    HttpResponse<String> r = api.send(api.requestAs(colleague, "/api/v1/queues").GET().build());
    assertThat(r.statusCode()).isEqualTo(200);
    HttpResponse<String> refused =
        api.send(
            api.requestAs(colleague, "/api/v1/token/rotate")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(refused.statusCode()).isEqualTo(403);
  }

  @Test
  void theOwnerIssuesListsAndRevokesTokens() throws Exception {
    HttpResponse<String> made = api.postJson("/api/v1/tokens", "{\"name\": \"nightly script\"}");
    assertThat(made.statusCode()).isEqualTo(201);
    assertThat(made.headers().firstValue("Cache-Control")).hasValue("no-store");
    String id = ApiFixture.json(made).get("id").asText();
    String secret = ApiFixture.json(made).get("token").asText();
    HttpRequest withSecret = api.requestAs(secret, "/api/v1/queues").GET().build();
    assertThat(api.send(withSecret).statusCode()).isEqualTo(200);
    // Other callers may not manage tokens.
    HttpResponse<String> refused = api.send(api.requestAs(secret, "/api/v1/tokens").GET().build());
    assertThat(refused.statusCode()).isEqualTo(403);
    HttpResponse<String> list = api.get("/api/v1/tokens");
    assertThat(list.body()).contains("nightly script").contains(id).doesNotContain(secret);
    assertThat(api.send(api.request("/api/v1/tokens/" + id).DELETE().build()).statusCode())
        .isEqualTo(204);
    assertThat(api.send(withSecret).statusCode()).isEqualTo(401);
    assertThat(api.send(api.request("/api/v1/tokens/" + id).DELETE().build()).statusCode())
        .isEqualTo(404);
    HttpResponse<String> nameless = api.postJson("/api/v1/tokens", "{}");
    assertThat(nameless.statusCode()).isEqualTo(422);
    assertThat(ApiFixture.json(nameless).get("errors").get(0).get("pointer").asText())
        .isEqualTo("/name");
  }

  @Test
  void tokensHaveTheirOwnRateLimitsAndTheOwnerIsNotThrottled(@TempDir Path own) throws Exception {
    try (ApiFixture f = new ApiFixture(own)) {
      // A load test of your own node with your own token: nothing refused.
      for (int i = 0; i < 300; i++) {
        assertThat(f.get("/api/v1/queues").statusCode()).as("owner request " + i).isEqualTo(200);
      }
      HttpResponse<String> made =
          f.postJson("/api/v1/tokens", "{\"name\": \"slow script\", \"ratePerSecond\": 0.5}");
      assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
      assertThat(ApiFixture.json(made).get("role").asText()).isEqualTo("submitter");
      String slow = ApiFixture.json(made).get("token").asText();
      int[] codes = new int[3];
      HttpResponse<String> last = null;
      for (int i = 0; i < codes.length; i++) {
        last = f.send(f.requestAs(slow, "/api/v1/queues").GET().build());
        codes[i] = last.statusCode();
      }
      assertThat(codes).containsExactly(200, 429, 429);
      assertThat(last.headers().firstValue("Retry-After"))
          .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
      assertThat(ApiFixture.json(last).get("detail").asText()).contains("rate limit of this token");
      // Other tokens and /health are not held back by it.
      assertThat(f.get("/api/v1/queues").statusCode()).isEqualTo(200);
      assertThat(f.send(HttpRequest.newBuilder(f.uri("/health")).GET().build()).statusCode())
          .isEqualTo(200);
      HttpResponse<String> listed = f.get("/api/v1/tokens");
      assertThat(ApiFixture.json(listed).get("tokens").get(0).get("ratePerSecond").asDouble())
          .isEqualTo(0.5);
    }
  }

  @Test
  void badTokensAreRefusedByAddressBeforeTheyAreLookedUp(@TempDir Path own) throws Exception {
    try (ApiFixture f = new ApiFixture(own)) {
      java.util.concurrent.atomic.AtomicInteger lookups =
          new java.util.concurrent.atomic.AtomicInteger();
      dev.omnivibe.engine.store.ApiClients counting =
          (dev.omnivibe.engine.store.ApiClients)
              java.lang.reflect.Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {dev.omnivibe.engine.store.ApiClients.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("clientByTokenHash")) {
                      lookups.incrementAndGet();
                    }
                    try {
                      return method.invoke(f.engine.apiClients(), args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
      dev.omnivibe.api.auth.TokenStore tokens =
          new dev.omnivibe.api.auth.TokenStore(
              f.tokens.file(), counting, java.time.Clock.systemUTC());
      try (ApiServer guarded =
          ApiServer.start(
              f.engine,
              new CaffeineCache(1 << 20),
              tokens,
              new ApiConfig().port(0).failedTokensPerSecond(1))) {
        java.net.URI uri = java.net.URI.create(guarded.url() + "/api/v1/queues");
        int[] codes = new int[14];
        for (int i = 0; i < codes.length; i++) {
          codes[i] =
              f.send(
                      HttpRequest.newBuilder(uri)
                          .header("Authorization", "Bearer ovw_guess-" + i)
                          .GET()
                          .build())
                  .statusCode();
        }
        // A burst of ten failures is looked up and answered 401; then the address is cut off.
        assertThat(codes).startsWith(401, 401, 401, 401, 401, 401, 401, 401, 401, 401);
        assertThat(codes[codes.length - 1]).isEqualTo(429);
        assertThat(lookups.get()).isEqualTo(10);
        // The owner's token is known without the store and still gets in from that address.
        assertThat(
                f.send(
                        HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + f.token)
                            .GET()
                            .build())
                    .statusCode())
            .isEqualTo(200);
      }
    }
  }

  @Test
  void rotationRetiresTheOldToken(@TempDir Path own) throws Exception {
    try (ApiFixture f = new ApiFixture(own)) {
      HttpResponse<String> r = f.post("/api/v1/token/rotate");
      assertThat(r.statusCode()).isEqualTo(200);
      String fresh = ApiFixture.json(r).get("token").asText();
      assertThat(fresh).isNotEqualTo(f.token);
      assertThat(f.get("/api/v1/queues").statusCode()).isEqualTo(401);
      assertThat(f.send(f.requestAs(fresh, "/api/v1/queues").GET().build()).statusCode())
          .isEqualTo(200);
      assertThat(Files.readString(f.tokens.file()).trim()).isEqualTo(fresh);
    }
  }
}
