package dev.omnivibe.engine;

import dev.omnivibe.engine.deck.DeckResolver;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.deck.ResolvedDeck;
import dev.omnivibe.engine.dedup.ContentHasher;
import dev.omnivibe.engine.dedup.DedupStats;
import dev.omnivibe.engine.dedup.ResultCache;
import dev.omnivibe.engine.encoder.Codec;
import dev.omnivibe.engine.encoder.EncoderDetector;
import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.estimate.RenderEstimator;
import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.hooks.HookRunner;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.media.AudioInspector;
import dev.omnivibe.engine.media.ImageInspector;
import dev.omnivibe.engine.monitor.PerformanceMonitor;
import dev.omnivibe.engine.monitor.PerformanceReport;
import dev.omnivibe.engine.platform.FileTrees;
import dev.omnivibe.engine.queue.JobListener;
import dev.omnivibe.engine.queue.JobQueue;
import dev.omnivibe.engine.queue.NewJob;
import dev.omnivibe.engine.render.RenderOptions;
import dev.omnivibe.engine.render.Renderer;
import dev.omnivibe.engine.store.JobCodec;
import dev.omnivibe.engine.store.JobPage;
import dev.omnivibe.engine.store.JobQuery;
import dev.omnivibe.engine.store.SqliteStore;
import dev.omnivibe.engine.store.Store;
import dev.omnivibe.engine.tts.Espeak;
import dev.omnivibe.engine.tts.SpeechEngine;
import dev.omnivibe.engine.tts.SpeechRequest;
import dev.omnivibe.engine.tts.SpeechUnavailableException;
import dev.omnivibe.engine.tts.Voice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point the API and the UI use: submit renders, list and steer jobs, watch events,
 * read queue state, estimates and performance reports. Owns the store, the queue and its workers.
 */
public final class Engine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private final EngineConfig config;
  private final EngineLock lock;
  private final Store store;
  private final EncoderDetector detector;
  private volatile EncoderReport encoders;
  private final DeckResolver resolver;
  private final ContentHasher hasher = new ContentHasher();
  private final ResultCache cache;
  private final RenderEstimator estimator = new RenderEstimator();
  private final PerformanceMonitor monitor;
  private final JobQueue queue;
  private final ScheduledExecutorService timer;
  private final int recovered;
  private final Forecasts forecasts;
  private final SpeechEngine speech;
  private final AssetStore assets;
  private final Narrations narrations;
  private final HookRunner hooks;
  private final Submissions submissions;
  private final StudioLink studio;
  private final String studioProblem;
  private final String instanceId;

  private Engine(
      EngineConfig config, EngineLock lock, Store store, StudioLink studio, String studioProblem) {
    this.config = config;
    this.lock = lock;
    this.store = store;
    this.studio = studio;
    this.studioProblem = studioProblem;
    this.instanceId = dev.omnivibe.engine.platform.DataFolderId.of(config.dataDir);
    Path cacheFile =
        config.encoderCache != null ? config.encoderCache : config.dataDir.resolve("encoders.json");
    this.detector = new EncoderDetector(config.tools, cacheFile, config.clock);
    this.encoders = detector.detect(false);
    this.resolver =
        new DeckResolver(new ImageInspector(), new AudioInspector(new Ffprobe(config.tools)));
    this.cache = new ResultCache(store, config.clock, config.dedupTtl);
    this.monitor = new PerformanceMonitor(config.clock, store);
    monitor.load();
    Forecasts.learnHistory(store, config.clock.instant(), estimator);
    Renderer renderer =
        new Renderer(
            config.tools,
            new RenderOptions(
                workDir(), config.plan, dev.omnivibe.engine.encoder.EncoderProbe.vaapiDevice()));
    this.speech = config.speech != null ? config.speech : Espeak.locate(System.getenv());
    this.assets = new AssetStore(assetsDir());
    this.narrations = new Narrations(speech, cache);
    RenderJobHandler renders =
        new RenderJobHandler(
            renderer,
            resolver,
            () -> encoders,
            assetsDir(),
            monitor,
            estimator,
            this::job,
            config.tools,
            workDir());
    NarrationJobHandler narration =
        new NarrationJobHandler(
            speech,
            config.tools,
            new AudioInspector(new Ffprobe(config.tools)),
            assets,
            workDir(),
            monitor);
    Map<JobType, dev.omnivibe.engine.queue.JobHandler> handlers = new EnumMap<>(JobType.class);
    handlers.put(JobType.RENDER, renders);
    handlers.put(JobType.NARRATION, narration);
    handlers.put(
        JobType.CLEANUP,
        new CleanupJobHandler(
            workDir(),
            config.dataDir.resolve("outputs"),
            assetsDir(),
            store,
            config.clock,
            config.outputRetention,
            monitor));
    handlers.putAll(config.handlers);
    Map<QueueName, Integer> workers = workers();
    this.queue =
        new JobQueue(
            store,
            config.clock,
            handlers,
            workers,
            config.random,
            config.studio != null
                ? config.studio.node()
                : dev.omnivibe.engine.platform.DataFolderId.nodeName(config.dataDir),
            (job, jobs) -> {
              var verdict = narrations.check(job, jobs);
              return studio == null
                      || verdict.kind() != dev.omnivibe.engine.queue.JobGate.Verdict.Kind.READY
                  ? verdict
                  : studio.gate(job);
            });
    narrations.attach(queue);
    this.submissions =
        new Submissions(
            config.clock,
            queue,
            cache,
            store,
            resolver,
            hasher,
            narrations,
            speech,
            assetsDir(),
            outputsDir(),
            () -> encoders,
            config.tools,
            studio == null ? null : assets);
    this.hooks =
        new HookRunner(
            config.hooks,
            j -> HookRunner.fromPayload(j.payload().node()),
            config.hookJson != null ? config.hookJson : JobCodec::write,
            monitor);
    queue.addListener(hooks);
    this.forecasts = new Forecasts(queue, estimator, () -> encoders);
    if (studio != null) {
      studio.start(
          queue,
          handlers,
          () -> encoders,
          config.studio.capacity() >= 0 ? config.studio.capacity() : workers.get(QueueName.VIDEO),
          config.clock,
          config.dedupTtl,
          queue::job);
    }
    this.recovered = queue.start();
    if (config.tickEvery != null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "omnivibe-timer");
                t.setDaemon(true);
                return t;
              });
      long every = config.tickEvery.toMillis();
      timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
      timer.scheduleWithFixedDelay(monitor::flush, 10, 10, TimeUnit.SECONDS);
      if (config.cleanupEvery != null) {
        long cleanup = config.cleanupEvery.toMillis();
        timer.scheduleWithFixedDelay(
            this::scheduledCleanup, cleanup, cleanup, TimeUnit.MILLISECONDS);
      }
    } else {
      timer = null;
    }
  }

  /**
   * Opens the engine on a data folder: locks it, opens (or creates) the store, clears temporary
   * files a dead process left, queues again the jobs it was running, and starts the workers.
   *
   * @throws IllegalStateException when another engine uses the folder
   * @throws dev.omnivibe.engine.store.StoreException when the store cannot be opened
   */
  public static Engine open(EngineConfig config) {
    EngineLock lock = EngineLock.acquire(config.dataDir);
    Store store = null;
    StudioLink studio = null;
    try {
      cleanLeftovers(config.dataDir);
      store =
          config.store != null
              ? config.store
              : SqliteStore.open(config.dataDir.resolve("omnivibe.db"));
      String studioProblem = null;
      if (config.studio != null) {
        try {
          studio = new StudioLink(config.studio);
        } catch (RuntimeException e) {
          // The contract: a node whose Redis is down at start says so and runs on its own.
          studioProblem = e.getMessage() + "; this node runs its jobs on its own queue";
          LOG.warn("studio: {}", studioProblem);
        }
      }
      return new Engine(config, lock, store, studio, studioProblem);
    } catch (RuntimeException e) {
      if (studio != null) {
        studio.close();
      }
      if (store != null) {
        store.close();
      }
      lock.close();
      throw e;
    }
  }

  private Path workDir() {
    return config.dataDir.resolve("work");
  }

  /** Where a job's own webhooks may point (the node's settings). */
  public dev.omnivibe.engine.hooks.WebhookTargets webhookTargets() {
    return config.hooks.targets();
  }

  /** The local speech engine's name (e.g. {@code espeak-ng}), for listings of its voices. */
  public String speechEngineName() {
    return speech.name();
  }

  /**
   * This data folder's own random id: what keeps one node's cached API answers from another's, even
   * on one Redis.
   */
  public String instanceId() {
    return instanceId;
  }

  /** Uploaded and generated media; in a studio, the shared folder's, so every node reads them. */
  public Path assetsDir() {
    return studio != null ? studio.assetsDir() : config.dataDir.resolve("assets");
  }

  /** Where renders are written; in a studio, the shared folder's. */
  public Path outputsDir() {
    return studio != null ? studio.outputsDir() : config.dataDir.resolve("outputs");
  }

  /**
   * This node's part in a studio, in words: its id and shared folder, or why it runs alone. Empty
   * when no studio is configured.
   */
  public Optional<String> studioStatus() {
    if (studio != null) {
      var o = studio.options();
      return Optional.of(
          "node " + o.node() + " on " + o.redis() + ", shared folder " + o.sharedDir());
    }
    return Optional.ofNullable(studioProblem);
  }

  /** Ids of the jobs this node is running now: its own queue's and, in a studio, others'. */
  public List<String> runningHere() {
    List<String> out = new java.util.ArrayList<>();
    queue.openJobs().stream()
        .filter(j -> j.state() == dev.omnivibe.engine.job.JobState.RUNNING && !j.isFollower())
        .filter(j -> studio == null || !studio.holds(j.id()))
        .forEach(j -> out.add(j.id()));
    if (studio != null) {
      out.addAll(studio.runningHere());
    }
    return out;
  }

  /** Temporary render folders and half-written outputs of a process that died. */
  private static void cleanLeftovers(Path dataDir) {
    FileTrees.deleteQuietly(dataDir.resolve("work"));
    Path outputs = dataDir.resolve("outputs");
    if (Files.isDirectory(outputs)) {
      try (Stream<Path> files = Files.list(outputs)) {
        files
            .filter(f -> f.getFileName().toString().endsWith(".partial"))
            .forEach(FileTrees::deleteQuietly);
      } catch (IOException e) {
        LOG.warn("cannot clean {}: {}", outputs, e.toString());
      }
    }
  }

  private Map<QueueName, Integer> workers() {
    Map<QueueName, Integer> w = new EnumMap<>(QueueName.class);
    boolean hardware = encoders.best(Codec.H264).map(s -> s.hardware()).orElse(false);
    int cores = Runtime.getRuntime().availableProcessors();
    // A hardware encoder runs a few sessions at once; software renders already use every core,
    // so two of them at a time on half the cores each keeps the machine busy without thrashing.
    w.put(QueueName.VIDEO, hardware ? 2 : Math.max(1, cores / 2));
    w.put(QueueName.AUDIO, 2);
    w.put(QueueName.MAINTENANCE, 1);
    w.putAll(config.workers);
    return w;
  }

  /** Jobs that were running when the previous process died and were queued again at start. */
  public int recoveredAtStart() {
    return recovered;
  }

  /**
   * Checks and queues a render. The deck is validated and its media inspected now, so bad input is
   * refused at once. An identical render that finished within the TTL with its output intact
   * answers at once ({@code cached}); one still open is joined instead of rendering twice.
   *
   * @throws InvalidDeckException listing every problem, each with a JSON pointer
   * @throws IllegalArgumentException for an unusable encoder choice or priority
   */
  public Job submit(RenderRequest request) throws InvalidDeckException {
    return submissions.submit(request);
  }

  /**
   * Checks a render exactly as {@link #submit} would, and estimates it, without queueing anything
   * (the editor's live validation). Spoken slides count at their words' length until spoken.
   *
   * @throws InvalidDeckException listing every problem, each with its field
   * @throws IllegalArgumentException for an unusable encoder choice
   */
  public Inspection inspect(RenderRequest request) throws InvalidDeckException {
    ResolvedDeck deck = submissions.check(request).deck();
    return new Inspection(deck, forecasts.estimateSeconds(deck, request.encoder()));
  }

  /** A checked deck and how long it should take to render. */
  public record Inspection(ResolvedDeck deck, double estimateSeconds) {}

  /**
   * Queues a clean-up on the maintenance queue now: old temporary files, outputs past their
   * retention, old metric roll-ups. An open clean-up is joined rather than queued twice.
   */
  public Job cleanup() {
    return queue.submit(
        new NewJob(
            "Clean-up",
            JobType.CLEANUP,
            null,
            dev.omnivibe.engine.job.Priority.DEFAULT,
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
            null,
            null,
            "maintenance/cleanup"));
  }

  private void scheduledCleanup() {
    try {
      cleanup();
    } catch (RuntimeException e) {
      LOG.warn("cannot queue the scheduled clean-up: {}", e.getMessage());
    }
  }

  /**
   * The local text-to-speech voices.
   *
   * @throws SpeechUnavailableException saying how to install espeak-ng
   */
  public List<Voice> voices() throws IOException, InterruptedException {
    return speech.voices();
  }

  /**
   * Queues speech on the audio queue. The finished job's result is a WAV asset ({@code
   * asset:<result.sha256>}) at {@code lufs} loudness (NaN: as spoken). Identical speech within the
   * cache TTL answers at once; identical open speech is joined.
   *
   * @throws InvalidDeckException listing every problem (text, voice, rate) by field
   * @throws SpeechUnavailableException saying how to install espeak-ng
   */
  public Job narrate(String name, SpeechRequest speech, double lufs, int priority)
      throws InvalidDeckException, IOException, InterruptedException {
    return narrate(name, speech, lufs, priority, Job.LOCAL);
  }

  /** As {@link #narrate(String, SpeechRequest, double, int)}, asked for by {@code submittedBy}. */
  public Job narrate(
      String name, SpeechRequest speech, double lufs, int priority, String submittedBy)
      throws InvalidDeckException, IOException, InterruptedException {
    return submissions.narrate(name, speech, lufs, priority, submittedBy);
  }

  public Optional<Job> job(String id) {
    return queue.job(id);
  }

  public JobPage jobs(JobQuery query) {
    return store.jobs(query);
  }

  public JobProgress progress(String id) {
    return queue.progress(id);
  }

  public Job cancel(String id) {
    return queue.cancel(id);
  }

  public Job changePriority(String id, int priority) {
    return queue.changePriority(id, priority);
  }

  public Job move(String id, int position) {
    return queue.move(id, position);
  }

  public Job retry(String id) {
    return queue.retry(id);
  }

  public void pause(QueueName q) {
    queue.pause(q);
  }

  public void resume(QueueName q) {
    queue.resume(q);
  }

  public void pauseAll() {
    queue.pauseAll();
  }

  public void resumeAll() {
    queue.resumeAll();
  }

  public void setWorkers(QueueName q, int workers) {
    queue.setWorkers(q, workers);
  }

  public List<Job> waitingJobs(QueueName q) {
    return queue.waitingJobs(q);
  }

  public void addListener(JobListener l) {
    queue.addListener(l);
  }

  public void removeListener(JobListener l) {
    queue.removeListener(l);
  }

  /** Seconds until a job is done: 0 when finished, its own ETA while running, else a forecast. */
  public double etaSeconds(String id) {
    return forecasts.etaSeconds(id);
  }

  /** The state and ETA of every named queue. */
  public List<QueueStatus> queues() {
    return forecasts.queues();
  }

  /** Estimated wall seconds to render {@code deck} with {@code encoderChoice}. */
  public double estimateSeconds(ResolvedDeck deck, String encoderChoice) {
    return forecasts.estimateSeconds(deck, encoderChoice);
  }

  public DedupStats dedupStats() {
    return cache.stats();
  }

  public PerformanceMonitor monitor() {
    return monitor;
  }

  public PerformanceReport report(String category, Duration window) {
    return monitor.report(category, window);
  }

  /** The encoder probe result; {@code refresh} probes again instead of using the cache. */
  public EncoderReport encoders(boolean refresh) {
    if (refresh) {
      encoders = detector.detect(true);
    }
    return encoders;
  }

  /** The FFmpeg this engine renders with. */
  public dev.omnivibe.engine.ffmpeg.FfmpegTools tools() {
    return config.tools;
  }

  public DeckResolver resolver() {
    return resolver;
  }

  public Store store() {
    return store;
  }

  /** Applies the clock to retries and time limits (a timer does this unless turned off). */
  public void tick() {
    try {
      queue.tick();
    } catch (RuntimeException e) {
      LOG.warn("queue tick failed", e);
    }
  }

  /** Stops the workers (running jobs go back to the queue), saves metrics, closes the store. */
  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    if (studio != null) {
      studio.close();
    }
    queue.close();
    hooks.close(); // lets hooks of jobs that just finished complete (bounded by their timeouts)
    monitor.flush();
    store.close();
    lock.close();
  }
}
