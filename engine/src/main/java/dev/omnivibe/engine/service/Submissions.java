package dev.omnivibe.engine.service;

import dev.omnivibe.engine.deck.Deck;
import dev.omnivibe.engine.deck.DeckPreparation;
import dev.omnivibe.engine.deck.DeckReader;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.PreparedDeck;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.deck.SpokenSlide;
import dev.omnivibe.engine.dedup.ContentHasher;
import dev.omnivibe.engine.dedup.DedupKey;
import dev.omnivibe.engine.dedup.ResultCache;
import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.estimate.Workload;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobBuilder;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.payload.NarrationPayload;
import dev.omnivibe.engine.payload.PayloadCodec;
import dev.omnivibe.engine.payload.RenderPayload;
import dev.omnivibe.engine.queue.JobQueue;
import dev.omnivibe.engine.queue.NewJob;
import dev.omnivibe.engine.render.EncoderSelector;
import dev.omnivibe.engine.request.RenderRequest;
import dev.omnivibe.engine.store.Presentation;
import dev.omnivibe.engine.store.Store;
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
public final class Submissions {
  private final Clock clock;
  private final JobQueue queue;
  private final ResultCache cache;
  private final Store store;
  private final DeckPreparation preparation;
  private final ContentHasher hasher;
  private final Narrations narrations;
  private final Narrator narrator;
  private final Path assetsDir;
  private final Path outputsDir;
  private final Supplier<EncoderReport> encoders;
  private final AssetStore shared;

  public Submissions(
      Clock clock,
      JobQueue queue,
      ResultCache cache,
      Store store,
      DeckPreparation preparation,
      ContentHasher hasher,
      Narrations narrations,
      Narrator narrator,
      Path assetsDir,
      Path outputsDir,
      Supplier<EncoderReport> encoders,
      AssetStore shared) {
    this.shared = shared;
    this.clock = clock;
    this.queue = queue;
    this.cache = cache;
    this.store = store;
    this.preparation = preparation;
    this.hasher = hasher;
    this.narrations = narrations;
    this.narrator = narrator;
    this.assetsDir = assetsDir;
    this.outputsDir = outputsDir;
    this.encoders = encoders;
  }

  public Job submit(RenderRequest request) throws InvalidDeckException {
    CheckedRequest checked = check(request);
    ResolvedDeck resolved = checked.prepared().resolved();
    Deck deck = checked.prepared().deck();
    String key;
    String presentation;
    try {
      key = DedupKey.of(resolved, request.encoder(), hasher);
      if (deck.audio().present()) {
        Path music = checked.prepared().music();
        key =
            DedupKey.combine(
                key, deck.audio().key() + (music == null ? "" : " " + hasher.sha256(music)));
      }
      for (SpokenSlide s : checked.spoken()) {
        // Same words, voice and loudness make the same narration, so the same video.
        key = DedupKey.combine(key, s.slide() + ":" + Narrator.payload(s).dedupKey());
      }
      presentation = DedupKey.presentation(resolved, hasher);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the deck's files: " + e.getMessage(), e);
    }
    store.savePresentation(
        new Presentation(
            presentation,
            request.name(),
            resolved.slides().size(),
            resolved.durationSeconds(),
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
    if (shared != null && request.output() == null) {
      // A studio render may run on any node: its files go where every node can read them.
      try {
        deck = SharedMedia.share(deck, shared);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot copy the deck's files to the studio's shared folder: " + e.getMessage(), e);
      }
    }
    Map<Integer, String> needs =
        narrations.submit(
            checked.spoken(), request.name(), request.priority(), request.submittedBy());
    RenderPayload payload =
        new RenderPayload(
            deck,
            request.encoder(),
            output,
            Workload.of(resolved),
            presentation,
            needs,
            request.hooks());
    Job job =
        queue.submit(
            new NewJob(
                request.name(),
                JobType.RENDER,
                request.queue(),
                request.priority(),
                PayloadCodec.write(payload),
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

  /**
   * Reads the deck (the whole format, every problem at once), checks what its spoken slides ask of
   * the speech engine, prepares it against its media, and checks the encoder.
   */
  public CheckedRequest check(RenderRequest request) throws InvalidDeckException {
    Deck deck = DeckReader.fromTree(request.deck(), request.baseDir());
    List<SpokenSlide> spoken = deck.spokenSlides();
    narrator.check(spoken);
    PreparedDeck prepared = preparation.prepare(deck, new AssetMedia(assetsDir, request.baseDir()));
    checkEncoder(request.encoder());
    return new CheckedRequest(prepared, spoken);
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
    JobBuilder b = Job.create(UUID.randomUUID().toString(), earlier.type(), queueName, now);
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

  public Job narrate(
      String name, SpeechRequest request, double lufs, int priority, String submittedBy)
      throws InvalidDeckException, IOException, InterruptedException {
    narrator.check(request);
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
            PayloadCodec.write(payload),
            null,
            null,
            key,
            submittedBy));
  }

  public static String safeName(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
    s = s.length() > 60 ? s.substring(0, 60) : s;
    return s.isEmpty() ? "render" : s;
  }
}
