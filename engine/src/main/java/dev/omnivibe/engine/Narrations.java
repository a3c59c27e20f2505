package dev.omnivibe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.audio.Loudness;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.Problem;
import dev.omnivibe.engine.dedup.ResultCache;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.queue.JobGate;
import dev.omnivibe.engine.queue.JobQueue;
import dev.omnivibe.engine.queue.NewJob;
import dev.omnivibe.engine.tts.SpeechEngine;
import dev.omnivibe.engine.tts.SpeechRequest;
import dev.omnivibe.engine.tts.SpeechUnavailableException;
import dev.omnivibe.engine.tts.Voice;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Slides with {@code narrationText}: each becomes a narration job on the audio queue (or an earlier
 * identical narration), the render waits for them through the queue's gate, and at render time the
 * spoken WAV assets take the place of the text.
 *
 * <p>Deck fields: a slide's {@code narrationText}, {@code voice} and {@code rate}; deck-wide
 * defaults in {@code "speech": {"voice": "en-us", "rate": 170, "loudness": -16}} ({@code
 * "loudness": null} keeps the level as spoken).
 */
final class Narrations {
  static final String NEEDS = "needs";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final SpeechEngine speech;
  private final ResultCache cache;
  private JobQueue queue;

  Narrations(SpeechEngine speech, ResultCache cache) {
    this.speech = speech;
    this.cache = cache;
  }

  void attach(JobQueue queue) {
    this.queue = queue;
  }

  /** One slide's narration to speak. */
  record Spoken(int slide, NarrationPayload payload) {}

  /**
   * The spoken slides of {@code deck}, checked: empty or overlong text, unknown voice, bad rate, a
   * slide with both a file and text, or no espeak-ng at all are all reported together.
   */
  List<Spoken> find(JsonNode deck) throws InvalidDeckException {
    JsonNode slides = deck.path("slides");
    List<Spoken> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    JsonNode speech = deck.path("speech");
    for (int i = 0; i < slides.size(); i++) {
      JsonNode s = slides.get(i);
      if (!s.has("narrationText")) {
        continue;
      }
      String at = "slides[" + i + "].";
      if (s.hasNonNull("narration")) {
        problems.add(
            new Problem(
                at + "narrationText", "give either a narration file or narrationText, not both"));
      }
      String voice = text(s, "voice", text(speech, "voice", SpeechRequest.DEFAULT_VOICE));
      int rate = s.path("rate").asInt(speech.path("rate").asInt(SpeechRequest.DEFAULT_RATE));
      double lufs =
          speech.has("loudness")
              ? (speech.get("loudness").isNull() ? Double.NaN : speech.get("loudness").asDouble())
              : Loudness.DEFAULT_LUFS;
      SpeechRequest req = new SpeechRequest(s.path("narrationText").asText(""), voice, rate);
      out.add(new Spoken(i, new NarrationPayload(req, lufs)));
      List<Voice> voices = voices(problems, at);
      if (voices == null) {
        continue; // no voices at all: the install message says it once per slide, not "unknown
        // voice"
      }
      for (Problem p : req.problems(at, voices)) {
        problems.add(
            p.field().endsWith("text") ? new Problem(at + "narrationText", p.message()) : p);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDeckException(problems.stream().distinct().toList());
    }
    return out;
  }

  private List<Voice> voices(List<Problem> problems, String at) {
    try {
      return speech.voices();
    } catch (SpeechUnavailableException e) {
      problems.add(new Problem(at + "narrationText", e.getMessage()));
    } catch (IOException e) {
      problems.add(new Problem(at + "narrationText", "cannot list voices: " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problems.add(new Problem(at + "narrationText", "interrupted while listing voices"));
    }
    return null;
  }

  /**
   * A copy of {@code deck} the deck reader accepts, for checking everything else now: spoken slides
   * get a stand-in duration (their words at their rate) unless they have one, and no text fields.
   */
  static ObjectNode standIn(JsonNode deck, List<Spoken> spoken) {
    ObjectNode copy = deck.deepCopy();
    copy.remove("speech");
    ArrayNode slides = (ArrayNode) copy.path("slides");
    for (Spoken s : spoken) {
      ObjectNode slide = (ObjectNode) slides.get(s.slide());
      if (!slide.has("duration")) {
        String[] words = s.payload().speech().text().trim().split("\\s+");
        double seconds =
            Math.max(1, words.length * 60.0 / s.payload().speech().rate())
                + slide.path("padding").asDouble(0);
        slide.put("duration", Math.round(seconds * 10) / 10.0);
        slide.remove("padding"); // counted in the stand-in duration
      }
      strip(slide);
    }
    return copy;
  }

  /**
   * Queues the narration jobs (or finds identical earlier ones) and returns, per slide, what the
   * render needs: {@code job:<id>} to wait for, or {@code asset:<sha256>} already spoken.
   */
  Map<Integer, String> submit(List<Spoken> spoken, String name, int priority, String by) {
    Map<Integer, String> needs = new LinkedHashMap<>();
    for (Spoken s : spoken) {
      String key = s.payload().dedupKey();
      Optional<Job> earlier = cache.lookup(key);
      if (earlier.isPresent()) {
        needs.put(s.slide(), "asset:" + earlier.get().result().sha256());
        continue;
      }
      Job job =
          queue.submit(
              new NewJob(
                  name + " · narration " + (s.slide() + 1),
                  JobType.NARRATION,
                  null,
                  priority,
                  s.payload().toJson(),
                  null,
                  null,
                  key,
                  by));
      needs.put(s.slide(), "job:" + job.id());
    }
    return needs;
  }

  static ObjectNode needsJson(Map<Integer, String> needs) {
    ObjectNode n = F.objectNode();
    needs.forEach((slide, ref) -> n.put(Integer.toString(slide), ref));
    return n;
  }

  /** The gate: a render waits for its narration jobs and fails when one failed. */
  JobGate.Verdict check(Job job, Function<String, Optional<Job>> jobs) {
    // Asked under the queue's lock for every waiting job: skip the JSON parse when nothing is
    // needed.
    if (job.type() != JobType.RENDER || !job.payload().json().contains("\"" + NEEDS + "\"")) {
      return JobGate.Verdict.READY;
    }
    JsonNode needs = job.payload().node().path(NEEDS);
    for (var it = needs.fields(); it.hasNext(); ) {
      var e = it.next();
      String ref = e.getValue().asText();
      if (!ref.startsWith("job:")) {
        continue;
      }
      Optional<Job> n = jobs.apply(ref.substring(4));
      int slide = Integer.parseInt(e.getKey()) + 1;
      if (n.isEmpty()) {
        return JobGate.Verdict.fail("the narration job for slide " + slide + " is gone");
      }
      JobState st = n.get().state();
      if (st == JobState.FAILED) {
        return JobGate.Verdict.fail(
            "narration for slide "
                + slide
                + " failed: "
                + (n.get().error() == null ? "no reason given" : n.get().error().message()));
      }
      if (st == JobState.CANCELLED) {
        return JobGate.Verdict.fail("narration for slide " + slide + " was cancelled");
      }
      if (st != JobState.SUCCEEDED) {
        return JobGate.Verdict.WAIT;
      }
    }
    return JobGate.Verdict.READY;
  }

  /** The deck to render: spoken slides now point at their narration assets. */
  static JsonNode spokenDeck(JsonNode deck, JsonNode needs, Function<String, Optional<Job>> jobs) {
    if (needs == null || needs.isEmpty()) {
      return deck;
    }
    ObjectNode copy = deck.deepCopy();
    copy.remove("speech");
    ArrayNode slides = (ArrayNode) copy.path("slides");
    for (var it = needs.fields(); it.hasNext(); ) {
      var e = it.next();
      String ref = e.getValue().asText();
      String asset = ref;
      if (ref.startsWith("job:")) {
        Job n =
            jobs.apply(ref.substring(4))
                .filter(j -> j.state() == JobState.SUCCEEDED && j.result() != null)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "the narration for slide "
                                + (Integer.parseInt(e.getKey()) + 1)
                                + " is not ready"));
        asset = "asset:" + n.result().sha256();
      }
      ObjectNode slide = (ObjectNode) slides.get(Integer.parseInt(e.getKey()));
      strip(slide);
      slide.put("narration", asset);
    }
    return copy;
  }

  /**
   * {@code needs} with every finished narration job replaced by the asset it made, for a node that
   * cannot look up this node's jobs.
   */
  static ObjectNode resolvedNeeds(JsonNode needs, Function<String, Optional<Job>> jobs) {
    ObjectNode out = F.objectNode();
    for (var it = needs.fields(); it.hasNext(); ) {
      var e = it.next();
      String ref = e.getValue().asText();
      if (ref.startsWith("job:")) {
        ref =
            jobs.apply(ref.substring(4))
                .filter(j -> j.state() == JobState.SUCCEEDED && j.result() != null)
                .map(j -> "asset:" + j.result().sha256())
                .orElse(ref);
      }
      out.put(e.getKey(), ref);
    }
    return out;
  }

  private static void strip(ObjectNode slide) {
    slide.remove("narrationText");
    slide.remove("voice");
    slide.remove("rate");
  }

  private static String text(JsonNode n, String field, String fallback) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? fallback : v.asText();
  }
}
