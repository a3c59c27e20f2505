package dev.omnivibe.engine;

import dev.omnivibe.engine.dedup.ResultCache;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.render.PlanOptions;
import dev.omnivibe.engine.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How to open an {@link Engine}. Only the data folder and FFmpeg are required; everything else has
 * a default.
 */
public final class EngineConfig {
  final Path dataDir;
  final FfmpegTools tools;
  Clock clock = Clock.systemUTC();
  Store store;
  dev.omnivibe.engine.store.StoreLocation catalog;
  final Map<QueueName, Integer> workers = new EnumMap<>(QueueName.class);
  Duration dedupTtl = ResultCache.DEFAULT_TTL;
  Duration tickEvery = Duration.ofMillis(250);
  RandomGenerator random = new java.util.SplittableRandom();
  PlanOptions plan = PlanOptions.defaults();
  Path encoderCache;
  Path calibration;
  dev.omnivibe.engine.tts.SpeechEngine speech;
  Duration cleanupEvery = Duration.ofHours(6);
  Duration outputRetention;
  dev.omnivibe.engine.hooks.HookSettings hooks = dev.omnivibe.engine.hooks.HookSettings.NONE;
  java.util.function.Function<dev.omnivibe.engine.job.Job, String> hookJson;
  dev.omnivibe.engine.studio.StudioOptions studio;
  final Map<dev.omnivibe.engine.job.JobType, dev.omnivibe.engine.queue.JobHandler> handlers =
      new EnumMap<>(dev.omnivibe.engine.job.JobType.class);

  /**
   * @param dataDir holds the store ({@code omnivibe.db}), assets, outputs and temporary work
   */
  public EngineConfig(Path dataDir, FfmpegTools tools) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.tools = Objects.requireNonNull(tools, "tools");
  }

  /** Time for queues, limits, retries, caches and reports (tests pass a clock they move). */
  /** The speech engine for narration; default: espeak-ng from {@code PATH}. */
  public EngineConfig speech(dev.omnivibe.engine.tts.SpeechEngine speech) {
    this.speech = speech;
    return this;
  }

  /**
   * Joins a studio's shared queue: renders submitted here are published for any node, and this node
   * runs studio jobs with as many workers as its video queue has. Null (the default) keeps every
   * job local.
   */
  public EngineConfig studio(dev.omnivibe.engine.studio.StudioOptions studio) {
    this.studio = studio;
    return this;
  }

  /**
   * Replaces the handler of a job type. Benchmarks and the studio tests use this to measure the
   * queue itself with jobs that do no rendering; the app never does.
   */
  public EngineConfig handler(
      dev.omnivibe.engine.job.JobType type, dev.omnivibe.engine.queue.JobHandler handler) {
    handlers.put(type, handler);
    return this;
  }

  /** Global completion hooks and how hooks run. */
  public EngineConfig hooks(dev.omnivibe.engine.hooks.HookSettings hooks) {
    this.hooks = hooks;
    return this;
  }

  /** The JSON a hook receives for a job; default: the stored job document. */
  public EngineConfig hookJson(
      java.util.function.Function<dev.omnivibe.engine.job.Job, String> json) {
    this.hookJson = json;
    return this;
  }

  /** How often a clean-up is queued on the maintenance queue; null for never (by hand only). */
  public EngineConfig cleanupEvery(Duration every) {
    this.cleanupEvery = every;
    return this;
  }

  /** How long finished outputs are kept before a clean-up deletes them; null keeps them. */
  public EngineConfig outputRetention(Duration keep) {
    this.outputRetention = keep;
    return this;
  }

  public EngineConfig clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * Keeps jobs in a catalog server (Neo4j: {@code bolt://} or {@code neo4j://}) instead of the
   * SQLite file; its adapter module must be on the class path. The engine opens and closes it.
   */
  public EngineConfig catalog(dev.omnivibe.engine.store.StoreLocation location) {
    this.catalog = location;
    return this;
  }

  /** A store other than the default SQLite file; the engine closes it. */
  public EngineConfig store(Store store) {
    this.store = store;
    return this;
  }

  /** Worker count of a queue (default: video from the encoder, audio 2, maintenance 1). */
  public EngineConfig workers(QueueName queue, int count) {
    workers.put(queue, count);
    return this;
  }

  public EngineConfig dedupTtl(Duration ttl) {
    this.dedupTtl = ttl;
    return this;
  }

  /** How often retries and time limits are applied; null to leave it to {@link Engine#tick()}. */
  public EngineConfig tickEvery(Duration every) {
    this.tickEvery = every;
    return this;
  }

  public EngineConfig random(RandomGenerator random) {
    this.random = random;
    return this;
  }

  public EngineConfig plan(PlanOptions plan) {
    this.plan = plan;
    return this;
  }

  /**
   * Where this machine's calibration renders are kept. When set, an engine that has none for its
   * FFmpeg and encoder renders three small decks once in the background, so the first estimate is
   * measured rather than a cautious guess. Null (the default) skips calibration.
   */
  public EngineConfig calibration(Path file) {
    this.calibration = file;
    return this;
  }

  /** Where the encoder probe result is cached (default: in the data folder). */
  public EngineConfig encoderCache(Path file) {
    this.encoderCache = file;
    return this;
  }
}
