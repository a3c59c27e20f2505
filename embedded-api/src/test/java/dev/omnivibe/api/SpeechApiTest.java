package dev.omnivibe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.adapters.caffeine.CaffeineCache;
import dev.omnivibe.engine.testkit.Await;
import dev.omnivibe.engine.testkit.TestDecks;
import dev.omnivibe.engine.testkit.TestSpeech;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's voice list and audio generation, on the local voice, over real HTTP. */
class SpeechApiTest {
  @TempDir Path dir;
  ApiFixture api;

  @BeforeEach
  void open() {
    api = new ApiFixture(dir);
  }

  @AfterEach
  void close() {
    if (api != null) {
      api.close();
    }
  }

  JsonNode finished(String id) {
    return Await.value(
        "job " + id,
        () -> {
          try {
            return ApiFixture.json(api.get("/api/v1/jobs/" + id));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        j -> j.get("state").asText().matches("SUCCEEDED|FAILED|CANCELLED"));
  }

  @Test
  void voicesAreListedAndCachedForFiveMinutes() throws Exception {
    HttpResponse<String> first = api.get("/api/v1/voice/list");
    assertThat(first.statusCode()).isEqualTo(200);
    JsonNode body = ApiFixture.json(first);
    assertThat(body.get("engine").asText()).isEqualTo(api.engine.speechEngineName());
    assertThat(body.get("voices").findValuesAsText("id")).contains("en-us", "de");
    assertThat(first.headers().firstValue("X-Cache")).contains("MISS");
    HttpResponse<String> again = api.get("/api/v1/voice/list");
    assertThat(again.headers().firstValue("X-Cache")).contains("HIT");
    assertThat(again.headers().firstValue("Cache-Control").orElse("")).contains("max-age=300");
  }

  @Test
  void generatedSpeechIsAWavAssetADeckCanUse() throws Exception {
    HttpResponse<String> r =
        api.postJson(
            "/api/v1/audio/generate",
            "{\"text\": \"Hello from the render node.\", \"voice\": \"en-gb\", \"rate\": 150}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String location = r.headers().firstValue("Location").orElseThrow();
    JsonNode job = finished(location.substring(location.lastIndexOf('/') + 1));
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("type").asText()).isEqualTo("narration");
    assertThat(job.get("queue").asText()).isEqualTo("audio");
    String asset = job.at("/result/asset").asText();
    assertThat(asset).startsWith("asset:");

    HttpResponse<byte[]> wav =
        api.http.send(
            api.request(location + "/output").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(wav.headers().firstValue("Content-Type")).contains("audio/wav");
    assertThat(new String(wav.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("RIFF");

    // A remote deck narrates a slide with the generated asset.
    Path deckFile = TestDecks.tiny(dir.resolve("deck"), 1, 1.0, 0, null);
    ObjectNode deck = (ObjectNode) Json.MAPPER.readTree(api.remoteDeck(deckFile));
    ObjectNode slide = (ObjectNode) deck.get("slides").get(0);
    slide.remove("duration");
    slide.put("narration", asset);
    HttpResponse<String> render =
        api.postJson("/api/v1/jobs", "{\"name\": \"Spoken\", \"deck\": " + deck + "}");
    assertThat(render.statusCode()).as(render.body()).isEqualTo(202);
  }

  @Test
  void aRemoteDeckCanSpeakItsSlides() throws Exception {
    Path deckFile = TestDecks.tiny(dir.resolve("deck"), 2, 1.0, 0, null);
    ObjectNode deck = (ObjectNode) Json.MAPPER.readTree(api.remoteDeck(deckFile));
    ObjectNode slide = (ObjectNode) deck.get("slides").get(1);
    slide.remove("duration");
    slide.put("narrationText", "The second slide speaks for itself.");
    deck.putObject("speech").put("voice", "en-us").put("rate", 180);
    HttpResponse<String> r =
        api.postJson("/api/v1/jobs", "{\"name\": \"Talking deck\", \"deck\": " + deck + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode done = finished(ApiFixture.json(r).get("id").asText());
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(done.at("/result/videoSeconds").asDouble()).isGreaterThan(2.0);
  }

  @Test
  void badRequestsNameEveryField() throws Exception {
    JsonNode p =
        problem(
            api.postJson(
                "/api/v1/audio/generate", "{\"text\": \"\", \"voice\": \"klingon\", \"rate\": 5}"));
    assertThat(p.get("errors").findValuesAsText("pointer"))
        .containsExactly("/text", "/voice", "/rate");
    assertThat(p.get("errors").get(1).get("detail").asText()).contains("unknown voice 'klingon'");

    JsonNode tooLong =
        problem(api.postJson("/api/v1/audio/generate", "{\"text\": \"" + "a".repeat(5001) + "\"}"));
    assertThat(tooLong.get("errors").get(0).get("detail").asText()).contains("limit is 5000");

    JsonNode types =
        problem(
            api.postJson(
                "/api/v1/audio/generate", "{\"text\": 7, \"rate\": \"fast\", \"loudness\": 3}"));
    assertThat(types.get("errors").findValuesAsText("pointer"))
        .containsExactly("/text", "/rate", "/loudness");
    assertThat(ApiFixture.json(api.get("/api/v1/jobs")).get("jobs")).isEmpty();
  }

  static JsonNode problem(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    return ApiFixture.json(r);
  }

  @Test
  void withoutEspeakTheApiSaysHowToInstallIt() throws Exception {
    api.close();
    api =
        new ApiFixture(
            dir.resolve("bare"),
            new CaffeineCache(1 << 20),
            new ApiConfig().port(0),
            c -> c.speech(TestSpeech.missing()));
    HttpResponse<String> voices = api.get("/api/v1/voice/list");
    assertThat(voices.statusCode()).isEqualTo(503);
    assertThat(ApiFixture.json(voices).get("detail").asText())
        .contains("apt-get install espeak-ng");
    HttpResponse<String> gen = api.postJson("/api/v1/audio/generate", "{\"text\": \"hi\"}");
    assertThat(gen.statusCode()).isEqualTo(503);
  }
}
