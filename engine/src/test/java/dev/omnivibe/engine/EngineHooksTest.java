package dev.omnivibe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.omnivibe.engine.hooks.Hook;
import dev.omnivibe.engine.hooks.HookSettings;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.Priority;
import dev.omnivibe.engine.request.RenderRequest;
import dev.omnivibe.engine.testkit.Await;
import dev.omnivibe.engine.testkit.TestDecks;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real render fires the global hook and its own, with the stored job as the body. */
class EngineHooksTest {
  @TempDir Path dir;

  @Test
  void globalAndPerJobWebhooksHearAboutTheFinishedRender() throws Exception {
    Map<String, String> got = new ConcurrentHashMap<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        ex -> {
          got.put(
              ex.getRequestURI().getPath(),
              new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    receiver.start();
    String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
    Path deck = TestDecks.tiny(dir.resolve("deck"), 2, 1.0, 0.5, null);
    HookSettings settings =
        HookSettings.NONE
            .withGlobal(List.of(Hook.webhook(base + "/studio")))
            .withTargets(new dev.omnivibe.engine.hooks.WebhookTargets(false, List.of("127.0.0.1")));
    try (Engine engine =
        Engine.open(
            new EngineConfig(dir.resolve("data"), TestFfmpeg.real())
                .hooks(settings)
                .encoderCache(dir.resolve("encoders.json")))) {
      Job job =
          engine.submit(
              new RenderRequest(
                  "Hooked",
                  new ObjectMapper().readTree(deck.toFile()),
                  deck.getParent(),
                  Priority.DEFAULT,
                  null,
                  "auto",
                  null,
                  null,
                  null,
                  List.of(Hook.webhook(base + "/mine"))));
      Await.until("both webhooks", () -> got.size() == 2);
      assertThat(engine.job(job.id()).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
      for (String body : got.values()) {
        assertThat(new ObjectMapper().readTree(body).get("id").asText()).isEqualTo(job.id());
        assertThat(body).contains("SUCCEEDED");
      }
      // The monitor records a hook once the receiver has answered it.
      Await.until(
          "both hooks recorded",
          () -> engine.metrics().report("hooks", Duration.ofHours(1)).total().count() == 2);
    } finally {
      receiver.stop(0);
    }
  }
}
