package dev.omnivibe.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.api.ApiException;
import dev.omnivibe.api.ApiException.FieldError;
import dev.omnivibe.api.Json;
import dev.omnivibe.api.http.Gate;
import dev.omnivibe.api.json.JobJson;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.audio.Loudness;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.tts.SpeechRequest;
import dev.omnivibe.engine.tts.SpeechUnavailableException;
import dev.omnivibe.engine.tts.Voice;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's {@code /api/v1/voice/list} and {@code /api/v1/audio/generate}, with local espeak-ng
 * voices instead of a paid cloud service.
 */
public final class SpeechRoutes {
  private final Engine engine;
  private final long maxJsonBytes;

  public SpeechRoutes(Engine engine, long maxJsonBytes) {
    this.engine = engine;
    this.maxJsonBytes = maxJsonBytes;
  }

  /** GET /api/v1/voice/list: every installed voice (cached 5 min by the response cache). */
  public void voices(Context ctx) throws Exception {
    List<Voice> voices = list();
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("engine", engine.speechEngineName());
    out.put("default", SpeechRequest.DEFAULT_VOICE);
    ArrayNode arr = out.putArray("voices");
    for (Voice v : voices) {
      arr.addObject()
          .put("id", v.id())
          .put("name", v.name())
          .put("language", v.language())
          .put("gender", v.gender());
    }
    Json.send(ctx, out);
  }

  /**
   * POST /api/v1/audio/generate {@code {text, voice, rate, loudness, name, priority}}: a narration
   * job on the audio queue, 202 with Location; the finished job's {@code result.asset} is the WAV.
   */
  public void generate(Context ctx) throws Exception {
    JsonNode body = Requests.json(ctx, maxJsonBytes);
    List<FieldError> errors = new ArrayList<>();
    JsonNode text = body.path("text");
    if (!text.isTextual()) {
      errors.add(new FieldError("/text", "must be a string with the words to speak"));
    }
    // The range is the engine's to check, with the text and the voice, so all come back at once.
    int rate =
        Requests.wholeNumber(
            body.path("rate"),
            "/rate",
            Integer.MIN_VALUE,
            Integer.MAX_VALUE,
            SpeechRequest.DEFAULT_RATE,
            "words per minute",
            errors);
    JsonNode loud = body.path("loudness");
    if (!loud.isMissingNode()
        && !loud.isNull()
        && !(loud.isNumber() && loud.asDouble() >= -40 && loud.asDouble() <= -5)) {
      errors.add(
          new FieldError(
              "/loudness", "must be a target in LUFS from -40 to -5 (or null to keep the level)"));
    }
    int priority = Requests.priority(body.path("priority"), errors);
    JsonNode name = body.path("name");
    if (!name.isMissingNode() && !name.isTextual()) {
      errors.add(new FieldError("/name", "must be a string"));
    }
    JsonNode voice = body.path("voice");
    if (!voice.isMissingNode() && !voice.isNull() && !voice.isTextual()) {
      errors.add(new FieldError("/voice", "must be a voice id such as en-us"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("the request has " + errors.size() + " problem(s)", errors);
    }
    SpeechRequest speech =
        new SpeechRequest(text.asText(), voice.isTextual() ? voice.asText() : null, rate);
    double lufs =
        loud.isMissingNode() ? Loudness.DEFAULT_LUFS : loud.isNull() ? Double.NaN : loud.asDouble();
    Job job;
    try {
      job = engine.narrate(name.asText("Narration"), speech, lufs, priority, Gate.caller(ctx).id());
    } catch (InvalidDeckException e) {
      throw ApiException.invalid(
          "the speech request has " + e.problems().size() + " problem(s): " + e.getMessage(),
          e.problems().stream().map(p -> new FieldError("/" + p.field(), p.message())).toList());
    } catch (SpeechUnavailableException e) {
      throw unavailable(e);
    }
    ctx.header("Location", "/api/v1/jobs/" + job.id());
    Json.send(ctx, 202, JobJson.of(job, engine.progress(job.id())));
  }

  private List<Voice> list() throws Exception {
    try {
      return engine.voices();
    } catch (SpeechUnavailableException e) {
      throw unavailable(e);
    }
  }

  private static ApiException unavailable(SpeechUnavailableException e) {
    return new ApiException(503, "No local voices", e.getMessage());
  }
}
