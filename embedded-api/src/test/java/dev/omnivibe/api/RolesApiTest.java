package dev.omnivibe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnivibe.api.auth.Role;
import dev.omnivibe.engine.testkit.TestDecks;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner, operator and submitter tokens against the real server, and whose jobs are whose. */
class RolesApiTest {
  @TempDir static Path dir;
  static ApiFixture api;
  static String deck;
  static String alice;
  static String bob;
  static String operator;

  @BeforeAll
  static void start() throws Exception {
    api = new ApiFixture(dir);
    api.engine.queue().pauseAll(); // jobs stay queued, so every one of them can be steered
    deck = api.remoteDeck(TestDecks.tiny(dir.resolve("deck"), 1, 1.0, 0, null));
    alice = api.tokens.issue("alice's script", Role.SUBMITTER);
    bob = api.tokens.issue("bob's script", Role.SUBMITTER);
    operator = api.tokens.issue("render wrangler", Role.OPERATOR);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static HttpResponse<String> as(String token, String method, String path, String json)
      throws Exception {
    HttpRequest.Builder b = api.requestAs(token, path);
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    return api.send(
        b.method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  static JsonNode submit(String token, String name) throws Exception {
    HttpResponse<String> r =
        as(token, "POST", "/api/v1/jobs", "{\"name\": \"" + name + "\", \"deck\": " + deck + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return ApiFixture.json(r);
  }

  static List<String> listed(String token) throws Exception {
    JsonNode jobs = ApiFixture.json(as(token, "GET", "/api/v1/jobs", null)).get("jobs");
    List<String> names = new ArrayList<>();
    jobs.forEach(j -> names.add(j.get("name").asText()));
    return names;
  }

  @Test
  void aSubmitterSeesAndSteersOnlyItsOwnJobs() throws Exception {
    JsonNode mine = submit(alice, "alice 1");
    JsonNode theirs = submit(bob, "bob 1");
    JsonNode owners = submit(api.token, "owner 1");
    assertThat(mine.get("submittedBy").asText()).isNotEqualTo("owner").isNotEqualTo("local");
    assertThat(owners.get("submittedBy").asText()).isEqualTo("owner");
    assertThat(listed(alice)).contains("alice 1").doesNotContain("bob 1", "owner 1");
    assertThat(listed(api.token)).contains("alice 1", "bob 1", "owner 1");
    String other = "/api/v1/jobs/" + theirs.get("id").asText();
    // Another's job answers exactly as a job that does not exist.
    for (String[] call :
        new String[][] {
          {"GET", other},
          {"DELETE", other},
          {"GET", other + "/output"},
          {"GET", other + "/events"}
        }) {
      HttpResponse<String> r = as(alice, call[0], call[1], null);
      assertThat(r.statusCode()).as(call[0] + " " + call[1]).isEqualTo(404);
    }
    assertThat(as(alice, "PATCH", other, "{\"priority\": 9}").statusCode()).isEqualTo(404);
    String own = "/api/v1/jobs/" + mine.get("id").asText();
    assertThat(as(alice, "PATCH", own, "{\"priority\": 9}").statusCode()).isEqualTo(200);
    assertThat(as(alice, "DELETE", own, null).statusCode()).isEqualTo(202);
  }

  @Test
  void anOperatorSteersAnyJobAndTheQueuesButNotTokens() throws Exception {
    JsonNode theirs = submit(bob, "bob 2");
    String path = "/api/v1/jobs/" + theirs.get("id").asText();
    assertThat(as(operator, "GET", path, null).statusCode()).isEqualTo(200);
    assertThat(as(operator, "PATCH", path, "{\"priority\": 2}").statusCode()).isEqualTo(200);
    assertThat(as(operator, "DELETE", path, null).statusCode()).isEqualTo(202);
    assertThat(as(operator, "POST", "/api/v1/queues/video/resume", null).statusCode())
        .isEqualTo(200);
    assertThat(as(operator, "POST", "/api/v1/queues/video/pause", null).statusCode())
        .isEqualTo(200);
    assertThat(
            as(operator, "POST", "/api/v1/cache/invalidate", "{\"pattern\": \"/api/v1/jobs*\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(as(operator, "GET", "/api/v1/tokens", null).statusCode()).isEqualTo(403);
    assertThat(as(operator, "POST", "/api/v1/token/rotate", null).statusCode()).isEqualTo(403);
  }

  @Test
  void aSubmitterCannotPauseInvalidateOrManageTokens() throws Exception {
    for (String[] call :
        new String[][] {
          {"POST", "/api/v1/queues/video/pause", null},
          {"POST", "/api/v1/cache/invalidate", "{\"pattern\": \"*\"}"},
          {"POST", "/api/v1/encoders/refresh", null},
          {"GET", "/api/v1/tokens", null},
          {"POST", "/api/v1/tokens", "{\"name\": \"escalate\", \"role\": \"operator\"}"},
          {"GET", "/api/v1/performance/report", null},
          {"GET", "/api/v1/nodes", null},
          {"GET", "/metrics", null}
        }) {
      HttpResponse<String> r = as(alice, call[0], call[1], call[2]);
      assertThat(r.statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(ApiFixture.json(r).get("detail").asText()).contains("submitter token cannot");
    }
    // What a submitter may do, it may.
    assertThat(as(alice, "GET", "/api/v1/queues", null).statusCode()).isEqualTo(200);
    assertThat(as(alice, "GET", "/api/v1/encoders", null).statusCode()).isEqualTo(200);
  }

  @Test
  void tokensAreIssuedWithARoleAndNeverAsOwner() throws Exception {
    HttpResponse<String> op =
        api.postJson("/api/v1/tokens", "{\"name\": \"wrangler\", \"role\": \"operator\"}");
    assertThat(op.statusCode()).isEqualTo(201);
    assertThat(ApiFixture.json(op).get("role").asText()).isEqualTo("operator");
    HttpResponse<String> owner =
        api.postJson("/api/v1/tokens", "{\"name\": \"sneaky\", \"role\": \"owner\"}");
    assertThat(owner.statusCode()).isEqualTo(422);
    assertThat(ApiFixture.json(owner).get("errors").get(0).get("pointer").asText())
        .isEqualTo("/role");
  }
}
