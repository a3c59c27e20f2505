package dev.omnivibe.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnivibe.api.auth.TokenStore;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.EngineConfig;
import dev.omnivibe.engine.adapters.caffeine.CaffeineCache;
import dev.omnivibe.engine.cache.Cache;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A real engine and a real API server on a free port, called with a real HTTP client. */
final class ApiFixture implements AutoCloseable {
  final Path data;
  final Engine engine;
  final TokenStore tokens;
  final ApiServer server;
  final String token;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ApiFixture(Path dir) {
    this(dir, new CaffeineCache(64 << 20), new ApiConfig().port(0));
  }

  ApiFixture(Path dir, Cache cache, ApiConfig config) {
    this(dir, cache, config, c -> c);
  }

  /** With engine settings changed by {@code tune} (e.g. another speech engine). */
  ApiFixture(
      Path dir,
      Cache cache,
      ApiConfig config,
      java.util.function.UnaryOperator<EngineConfig> tune) {
    data = dir.resolve("data");
    engine =
        Engine.open(
            tune.apply(
                new EngineConfig(data, TestFfmpeg.real())
                    .speech(dev.omnivibe.engine.testkit.TestSpeech.voice())
                    .hookJson(dev.omnivibe.api.json.JobJson::hookDocument)
                    .workers(QueueName.VIDEO, 1)
                    .encoderCache(dir.resolve("encoders.json"))));
    tokens = new TokenStore(data.resolve("api-token"), engine.apiClients(), Clock.systemUTC());
    token = tokens.ownerToken();
    server = ApiServer.start(engine, cache, tokens, config);
  }

  URI uri(String path) {
    return URI.create(server.url() + path);
  }

  HttpRequest.Builder request(String path) {
    return requestAs(token, path);
  }

  /** A request made with another caller's token. */
  HttpRequest.Builder requestAs(String bearer, String path) {
    return HttpRequest.newBuilder(uri(path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + bearer);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  /** Sends and holds the response to the published contract (see {@link Contract}). */
  HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
    Contract.check(r, response);
    return response;
  }

  /** A POST without a body (pause, resume, refresh, rotate). */
  HttpResponse<String> post(String path) throws IOException, InterruptedException {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return Json.MAPPER.readTree(r.body());
  }

  /** Uploads a file as a raw body and returns its asset id. */
  String upload(Path file, String type) throws IOException, InterruptedException {
    HttpResponse<String> r =
        send(
            request("/api/v1/assets")
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build());
    if (r.statusCode() != 201) {
      throw new AssertionError("upload failed: " + r.statusCode() + " " + r.body());
    }
    return json(r).get("id").asText();
  }

  /** A deck file rewritten to use uploaded asset ids, as a remote script would send it. */
  String remoteDeck(Path deckFile) throws IOException, InterruptedException {
    var deck =
        (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(deckFile.toFile());
    for (JsonNode slide : deck.withArray("slides")) {
      var s = (com.fasterxml.jackson.databind.node.ObjectNode) slide;
      s.put("image", upload(deckFile.resolveSibling(s.get("image").asText()), "image/png"));
      if (s.has("narration")) {
        s.put(
            "narration", upload(deckFile.resolveSibling(s.get("narration").asText()), "audio/wav"));
      }
    }
    return deck.toString();
  }

  static boolean exists(Path p) {
    return Files.exists(p);
  }

  @Override
  public void close() {
    server.close();
    engine.close();
  }
}
