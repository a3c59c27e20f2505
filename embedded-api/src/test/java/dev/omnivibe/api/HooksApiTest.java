package dev.omnivibe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.omnivibe.engine.testkit.Await;
import dev.omnivibe.engine.testkit.TestDecks;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A remote caller may ask for a webhook, never for a program to run. */
class HooksApiTest {
  @TempDir Path dir;

  @Test
  void aWebhookFromTheRequestGetsTheApisJobDocument() throws Exception {
    List<String> got = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/done",
        ex -> {
          got.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    receiver.start();
    // The receiver listens on loopback: the node's settings allow exactly that address.
    try (ApiFixture api =
        new ApiFixture(
            dir,
            new dev.omnivibe.engine.adapters.caffeine.CaffeineCache(1 << 20),
            new ApiConfig().port(0),
            c ->
                c.hooks(
                    dev.omnivibe.engine.hooks.HookSettings.NONE.withTargets(
                        new dev.omnivibe.engine.hooks.WebhookTargets(
                            false, java.util.List.of("127.0.0.1")))))) {
      String deck = api.remoteDeck(TestDecks.tiny(dir.resolve("deck"), 2, 1.0, 0.5, null));
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/done";
      HttpResponse<String> r =
          api.postJson(
              "/api/v1/jobs",
              "{\"deck\": " + deck + ", \"hooks\": [{\"webhook\": \"" + url + "\"}]}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      Await.until("the webhook", () -> !got.isEmpty());
      JsonNode body = Json.MAPPER.readTree(got.get(0));
      assertThat(body.get("id").asText()).isEqualTo(ApiFixture.json(r).get("id").asText());
      assertThat(body.get("state").asText()).isEqualTo("SUCCEEDED");
      assertThat(body.at("/result/output").asText()).startsWith("/api/v1/jobs/");
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void commandHooksAndBadUrlsAreRefusedByField() throws Exception {
    try (ApiFixture api = new ApiFixture(dir)) {
      String deck = api.remoteDeck(TestDecks.tiny(dir.resolve("deck"), 1, 1.0, 0, null));
      HttpResponse<String> r =
          api.postJson(
              "/api/v1/jobs",
              "{\"deck\": "
                  + deck
                  + ", \"hooks\": [{\"command\": [\"/bin/rm\", \"-rf\", \"/\"]}, {\"webhook\": \"file:///etc/passwd\"}]}");
      assertThat(r.statusCode()).isEqualTo(422);
      JsonNode p = ApiFixture.json(r);
      assertThat(p.get("errors").findValuesAsText("pointer"))
          .containsExactly("/hooks/0/command", "/hooks/1/webhook");
      assertThat(p.get("errors").get(0).get("detail").asText()).contains("config file");
      assertThat(ApiFixture.json(api.get("/api/v1/jobs")).get("jobs")).isEmpty();
    }
  }

  @Test
  void webhooksIntoTheNodesOwnNetworkAreRefusedUnlessTheNodeAllowsThem() throws Exception {
    try (ApiFixture api = new ApiFixture(dir)) {
      String deck = api.remoteDeck(TestDecks.tiny(dir.resolve("deck"), 1, 1.0, 0, null));
      String[] targets = {
        "http://127.0.0.1:8080/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.7/hook",
        "http://192.168.1.20/hook",
        "http://[::1]:9000/hook",
        "http://localhost/hook",
        "http://100.64.0.1/hook",
        "http://[::ffff:127.0.0.1]/hook"
      };
      StringBuilder hooks = new StringBuilder();
      for (String t : targets) {
        hooks
            .append(hooks.length() == 0 ? "" : ",")
            .append("{\"webhook\": \"")
            .append(t)
            .append("\"}");
      }
      HttpResponse<String> r =
          api.postJson("/api/v1/jobs", "{\"deck\": " + deck + ", \"hooks\": [" + hooks + "]}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
      JsonNode errors = ApiFixture.json(r).get("errors");
      assertThat(errors).hasSize(targets.length);
      assertThat(errors.get(0).get("detail").asText())
          .contains("127.0.0.1, a loopback address")
          .contains("hooks.allowed-targets");
      assertThat(errors.get(1).get("detail").asText()).contains("link-local");
      assertThat(errors.get(2).get("detail").asText()).contains("private");
      assertThat(errors.get(6).get("detail").asText()).contains("carrier-grade NAT");
      assertThat(errors.get(7).get("detail").asText()).contains("loopback");
      assertThat(ApiFixture.json(api.get("/api/v1/jobs")).get("jobs")).isEmpty();
    }
  }
}
