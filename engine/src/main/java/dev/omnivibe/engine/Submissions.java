package dev.omnivibe.engine;

import dev.omnivibe.engine.deck.DeckReader;
import dev.omnivibe.engine.deck.DeckResolver;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.Problem;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.dedup.ContentHasher;
import dev.omnivibe.engine.dedup.DedupKey;
import dev.omnivibe.engine.dedup.ResultCache;
import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.estimate.Workload;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.media.AudioInspector;
import dev.omnivibe.engine.queue.JobQueue;
import dev.omnivibe.engine.queue.NewJob;
import dev.omnivibe.engine.render.EncoderSelector;
import dev.omnivibe.engine.store.Presentation;
import dev.omnivibe.engine.store.Store;
import dev.omnivibe.engine.tts.SpeechEngine;
import dev.omnivibe.engine.tts.SpeechRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Everything between a request and the queue: checking the deck (spoken slides, the audio block,
 * media, encoder), the dedup key, answering from the result cache, and queueing renders and
 * narration. The {@link Engine} facade delegates here.
 */
final class Submissions {
  private final Clock clock;
  private final JobQueue queue;
  private final ResultCache cache;
  private final Store store;
  private final DeckResolver resolver;
  private final ContentHasher hasher;
  private final Narrations narrations;
  private final SpeechEngine speech;
  private final Path assetsDir;
  private final Path outputsDir;
  private final Supplier<EncoderReport> encoders;
  private final FfmpegTools tools;
  private final AssetStore shared;

  Submissions(
      Clock clock,
      JobQueue queue,
      ResultCache cache,
      Store store,
      DeckResolver resolver,
      ContentHasher hasher,
      Narrations narrations,
      SpeechEngine speech,
      Path assetsDir,
      Path outputsDir,
      Supplier<EncoderReport> encoders,
      FfmpegTools tools,
      AssetStore shared) {
    this.shared = shared;
    this.clock = clock;
    this.queue = queue;
    this.cache = cache;
    this.store = store;
    this.resolver = resolver;
    this.hasher = hasher;
    this.narrations = narrations;
    this.speech = speech;
    this.assetsDir = assetsDir;
    this.outputsDir = outputsDir;
    this.encoders = encoders;
    this.tools = tools;
  }

  Job submit(RenderRequest request) throws InvalidDeckException {
    Checked checked = check(request);
    List<Narrations.Spoken> spoken = checked.spoken;
    AudioOptions audio = checked.audio;
    ResolvedDeck deck = checked.deck;
    Path music = checked.music;
    String key;
    String presentation;
    try {
      key = DedupKey.of(deck, request.encoder(), hasher);
      if (audio.present()) {
        key =
            DedupKey.combine(key, audio.key() + (music == null ? "" : " " + hasher.sha256(music)));
      }
      for (Narrations.Spoken s : spoken) {
        // Same words, voice and loudness make the same narration, so the same video.
        key = DedupKey.combine(key, s.slide() + ":" + s.payload().dedupKey());
      }
      presentation = DedupKey.presentation(deck, hasher);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the deck's files: " + e.getMessage(), e);
    }
    store.savePresentation(
        new Presentation(
            presentation,
            request.name(),
            deck.slides().size(),
            deck.durationSeconds(),
            clock.instant()));
    Optional<Job> earlier = cache.lookup(key);
    if (earlier.isPresent()) {
      cache.countHit();
      return queue.record(cachedCopy(request, earlier.get()));
    }
    String id = UUID.randomUUID().toString();
    Path output =
        request.output() != null
            ? request.output().toAbsolutePath()
            : outputsDir.resolve(safeName(request.name()) + "-" + id.substring(0, 8) + ".mp4");
    com.fasterxml.jackson.databind.JsonNode deckJson = request.deck();
    Path baseDir = request.baseDir();
    if (shared != null && request.output() == null) {
      // A studio render may run on any node: its files go where every node can read them.
      try {
        deckJson = SharedMedia.share(deckJson, baseDir, shared);
        baseDir = null;
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot copy the deck's files to the studio's shared folder: " + e.getMessage(), e);
      }
    }
    Map<Integer, String> needs =
        narrations.submit(spoken, request.name(), request.priority(), request.submittedBy());
    RenderPayload payload =
        new RenderPayload(
            deckJson,
            baseDir,
            request.encoder(),
            output,
            Workload.of(deck),
            presentation,
            Narrations.needsJson(needs),
            RenderPayload.hooksJson(request.hooks()));
    Job job =
        queue.submit(
            new NewJob(
                request.name(),
                JobType.RENDER,
                request.queue(),
                request.priority(),
                payload.toJson(),
                request.retryPolicy(),
                request.limits(),
                key,
                request.submittedBy()));
    if (job.isFollower()) {
      cache.countMerged();
    } else {
      cache.countMiss();
    }
    return job;
  }

  /** What checking a request found; see {@link #inspect}. */
  record Checked(
      ResolvedDeck deck, List<Narrations.Spoken> spoken, AudioOptions audio, Path music) {}

  Checked check(RenderRequest request) throws InvalidDeckException {
    List<Narrations.Spoken> spoken = narrations.find(request.deck());
    AudioOptions audio = AudioOptions.of(request.deck());
    AssetMedia media = new AssetMedia(assetsDir, request.baseDir());
    ResolvedDeck deck =
        resolver.resolve(
            DeckReader.fromTree(
                AudioOptions.core(
                    spoken.isEmpty() ? request.deck() : Narrations.standIn(request.deck(), spoken)),
                request.baseDir()),
            media);
    Path music = audio.music() == null ? null : checkMusic(audio.music(), media);
    checkEncoder(request.encoder());
    return new Checked(deck, spoken, audio, music);
  }

  /**
   * The encoder must work here, except in a studio, where a known hardware encoder this node lacks
   * is a capability another node may have (the job then waits for such a node).
   */
  private void checkEncoder(String choice) {
    try {
      EncoderSelector.select(choice, encoders.get());
    } catch (IllegalArgumentException e) {
      String name = choice == null ? "" : choice.trim().toLowerCase(java.util.Locale.ROOT);
      boolean elsewhere =
          shared != null
              && dev.omnivibe.engine.render.EncoderProfile.supported(name)
              && !name.startsWith("lib");
      if (!elsewhere) {
        throw e;
      }
    }
  }

  /** The music file, checked like narration: it must exist and decode as audio. */
  private Path checkMusic(String reference, AssetMedia media) throws InvalidDeckException {
    try {
      Path file = media.resolve(reference);
      new AudioInspector(new Ffprobe(tools)).inspect(file);
      return file;
    } catch (IllegalArgumentException | dev.omnivibe.engine.media.MediaException e) {
      throw new InvalidDeckException(new Problem("audio.music", e.getMessage()));
    }
  }

  private Job cachedCopy(RenderRequest request, Job earlier) {
    return cachedCopy(
        request.name(),
        request.queue() == null ? QueueName.VIDEO : request.queue(),
        request.priority(),
        earlier,
        request.submittedBy());
  }

  /** A finished job answered by an identical earlier one (same type, payload and result). */
  private Job cachedCopy(
      String name, QueueName queueName, int priority, Job earlier, String submittedBy) {
    var now = clock.instant();
    Job.Builder b = Job.create(UUID.randomUUID().toString(), earlier.type(), queueName, now);
    b.name = name;
    b.priority = priority;
    b.state = JobState.SUCCEEDED;
    b.payload = earlier.payload();
    b.dedupKey = earlier.dedupKey();
    b.cached = true;
    b.startedAt = now;
    b.finishedAt = now;
    b.result = earlier.result();
    b.submittedBy = submittedBy;
    return b.build();
  }

  Job narrate(String name, SpeechRequest request, double lufs, int priority, String submittedBy)
      throws InvalidDeckException, IOException, InterruptedException {
    List<Problem> problems = request.problems("", speech.voices());
    if (!problems.isEmpty()) {
      throw new InvalidDeckException(problems);
    }
    NarrationPayload payload = new NarrationPayload(request, lufs);
    String key = payload.dedupKey();
    Optional<Job> earlier = cache.lookup(key);
    if (earlier.isPresent()) {
      return queue.record(cachedCopy(name, QueueName.AUDIO, priority, earlier.get(), submittedBy));
    }
    return queue.submit(
        new NewJob(
            name,
            JobType.NARRATION,
            null,
            priority,
            payload.toJson(),
            null,
            null,
            key,
            submittedBy));
  }

  static String safeName(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
    s = s.length() > 60 ? s.substring(0, 60) : s;
    return s.isEmpty() ? "render" : s;
  }
}
