package dev.omnivibe.engine.payload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.deck.Deck;
import dev.omnivibe.engine.deck.DeckJson;
import dev.omnivibe.engine.deck.DeckReader;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.estimate.Workload;
import dev.omnivibe.engine.hooks.CommandHook;
import dev.omnivibe.engine.hooks.Hook;
import dev.omnivibe.engine.hooks.WebhookHook;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.Payload;
import dev.omnivibe.engine.tts.SpeechRequest;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place job payloads are written and read. A job's payload is decoded once, the first time
 * anyone asks (the gate, the forecasts, the studio, the worker), and the typed value is kept with
 * the job. The stored JSON is the same as before typed payloads, so stored jobs still read.
 */
public final class PayloadCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PayloadCodec() {}

  /**
   * @throws IllegalArgumentException when the job is not a render, or its payload cannot be read
   */
  public static RenderPayload render(Job job) {
    if (job.type() != JobType.RENDER) {
      throw new IllegalArgumentException(
          "job " + job.id() + " is a " + job.type() + ", not a render");
    }
    return job.payload().decoded(RenderPayload.class, PayloadCodec::readRender);
  }

  /**
   * @throws IllegalArgumentException when the job is not a narration
   */
  public static NarrationPayload narration(Job job) {
    if (job.type() != JobType.NARRATION) {
      throw new IllegalArgumentException(
          "job " + job.id() + " is a " + job.type() + ", not a narration");
    }
    return job.payload().decoded(NarrationPayload.class, PayloadCodec::readNarration);
  }

  public static Payload write(RenderPayload p) {
    ObjectNode n = JSON.createObjectNode();
    n.set("deck", DeckJson.write(p.deck()));
    n.put("baseDir", p.deck().baseDir() == null ? null : p.deck().baseDir().toString());
    n.put("encoder", p.encoder());
    n.put("output", p.output().toString());
    n.put("uniqueFrames", p.workload().uniqueFrames());
    n.put("outputSeconds", p.workload().outputSeconds());
    n.put("megapixels", p.workload().megapixels());
    n.put("presentation", p.presentation());
    if (!p.needs().isEmpty()) {
      ObjectNode needs = n.putObject("needs");
      p.needs().forEach((slide, ref) -> needs.put(Integer.toString(slide), ref));
    }
    if (!p.hooks().isEmpty()) {
      ArrayNode arr = n.putArray("hooks");
      for (Hook h : p.hooks()) {
        if (h instanceof WebhookHook w) {
          arr.addObject().put("webhook", w.url().toString());
        } else if (h instanceof CommandHook c) {
          ArrayNode args = arr.addObject().putArray("command");
          c.args().forEach(args::add);
        }
      }
    }
    return Payload.of(n);
  }

  public static Payload write(NarrationPayload p) {
    ObjectNode n = JSON.createObjectNode();
    n.put("text", p.speech().text());
    n.put("voice", p.speech().voice());
    n.put("rate", p.speech().rate());
    if (!Double.isNaN(p.lufs())) {
      n.put("lufs", p.lufs());
    }
    return Payload.of(n);
  }

  private static RenderPayload readRender(String json) {
    JsonNode n = tree(json);
    JsonNode base = n.path("baseDir");
    Path baseDir = base.isNull() || base.isMissingNode() ? null : Path.of(base.asText());
    Deck deck;
    try {
      deck = DeckReader.stored(n.get("deck"), baseDir);
    } catch (InvalidDeckException e) {
      throw new IllegalArgumentException("the stored deck cannot be read: " + e.getMessage(), e);
    }
    Map<Integer, String> needs = new LinkedHashMap<>();
    n.path("needs")
        .fields()
        .forEachRemaining(e -> needs.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
    List<Hook> hooks = new ArrayList<>();
    for (JsonNode h : n.path("hooks")) {
      if (h.has("webhook")) {
        hooks.add(new WebhookHook(URI.create(h.get("webhook").asText())));
      } else if (h.has("command")) {
        List<String> args = new ArrayList<>();
        h.get("command").forEach(a -> args.add(a.asText()));
        hooks.add(new CommandHook(args));
      }
    }
    return new RenderPayload(
        deck,
        n.path("encoder").asText("auto"),
        Path.of(n.path("output").asText()),
        new Workload(
            n.path("uniqueFrames").asLong(),
            n.path("outputSeconds").asDouble(),
            // Payloads stored before frames were weighted by size: the deck's own output size.
            n.path("megapixels")
                .asDouble(deck.output().width() * (double) deck.output().height() / 1e6)),
        n.path("presentation").asText(null),
        needs,
        hooks);
  }

  private static NarrationPayload readNarration(String json) {
    JsonNode n = tree(json);
    return new NarrationPayload(
        new SpeechRequest(
            n.path("text").asText(""), n.path("voice").asText(null), n.path("rate").asInt()),
        n.has("lufs") ? n.get("lufs").asDouble() : Double.NaN);
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "a stored payload is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
