package dev.omnivibe.engine;

import dev.omnivibe.engine.adapters.sqlite.SqliteStore;
import dev.omnivibe.engine.deck.DeckPreparation;
import dev.omnivibe.engine.dedup.ContentHasher;
import dev.omnivibe.engine.dedup.ResultCache;
import dev.omnivibe.engine.encoder.EncoderDetector;
import dev.omnivibe.engine.encoder.EncoderProbe;
import dev.omnivibe.engine.estimate.RenderEstimator;
import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.hooks.HookRunner;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.media.AudioInspector;
import dev.omnivibe.engine.media.ImageInspector;
import dev.omnivibe.engine.monitor.PerformanceMonitor;
import dev.omnivibe.engine.payload.PayloadCodec;
import dev.omnivibe.engine.queue.GateVerdict;
import dev.omnivibe.engine.queue.JobHandler;
import dev.omnivibe.engine.queue.JobQueue;
import dev.omnivibe.engine.render.RenderOptions;
import dev.omnivibe.engine.render.Renderer;
import dev.omnivibe.engine.service.AssetStore;
import dev.omnivibe.engine.service.Calibration;
import dev.omnivibe.engine.service.CleanupJobHandler;
import dev.omnivibe.engine.service.DataFolder;
import dev.omnivibe.engine.service.Encoders;
import dev.omnivibe.engine.service.Forecasts;
import dev.omnivibe.engine.service.LocalNode;
import dev.omnivibe.engine.service.Maintenance;
import dev.omnivibe.engine.service.NarrationJobHandler;
import dev.omnivibe.engine.service.Narrations;
import dev.omnivibe.engine.service.Narrator;
import dev.omnivibe.engine.service.RenderJobHandler;
import dev.omnivibe.engine.service.RenderPipeline;
import dev.omnivibe.engine.service.StudioLink;
import dev.omnivibe.engine.service.Submissions;
import dev.omnivibe.engine.store.JobCodec;
import dev.omnivibe.engine.store.Store;
import dev.omnivibe.engine.store.StoreProviders;
import dev.omnivibe.engine.tts.Espeak;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires an engine from its configuration: the one place that chooses adapters (the SQLite store
 * unless another is given) and connects the services, so the {@link Engine} facade only delegates.
 */
final class EngineAssembly {
  private static final Logger LOG = LoggerFactory.getLogger(EngineAssembly.class);
  private final EngineConfig config;
  private final DataFolder folder;
  private final Store store;

  private EngineAssembly(EngineConfig config, DataFolder folder, Store store) {
    this.config = config;
    this.folder = folder;
    this.store = store;
  }

  /** Opens what must be closed again when a later step fails: folder, store, studio link. */
  static EngineParts open(EngineConfig config) {
    DataFolder folder = DataFolder.open(config.dataDir);
    Store store = null;
    StudioLink studio = null;
    try {
      store =
          config.store != null
              ? config.store
              : config.catalog != null
                  ? StoreProviders.open(config.catalog)
                  : SqliteStore.open(folder.database());
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
      return new EngineAssembly(config, folder, store).wire(studio, studioProblem);
    } catch (RuntimeException e) {
      if (studio != null) {
        studio.close();
      }
      if (store != null) {
        store.close();
      }
      folder.close();
      throw e;
    }
  }

  private EngineParts wire(StudioLink studio, String studioProblem) {
    Path cacheFile =
        config.encoderCache != null ? config.encoderCache : folder.root().resolve("encoders.json");
    Encoders encoders = new Encoders(new EncoderDetector(config.tools, cacheFile, config.clock));
    AudioInspector audio = new AudioInspector(new Ffprobe(config.tools));
    DeckPreparation preparation = new DeckPreparation(new ImageInspector(), audio);
    ResultCache cache = new ResultCache(store, config.clock, config.dedupTtl);
    PerformanceMonitor monitor = new PerformanceMonitor(config.clock, store);
    monitor.load();
    RenderEstimator estimator = new RenderEstimator();
    Forecasts.learnHistory(store, config.clock.instant(), estimator);
    Narrator narrator =
        new Narrator(
            config.speech != null ? config.speech : Espeak.locate(System.getenv()),
            config.tools,
            audio);
    Narrations narrations = new Narrations(cache);
    AssetStore assets = new AssetStore(studio != null ? studio.assetsDir() : folder.assets());
    Renderer renderer =
        new Renderer(
            config.tools,
            new RenderOptions(folder.work(), config.plan, EncoderProbe.vaapiDevice()));
    Map<JobType, JobHandler> handlers =
        handlers(renderer, encoders, preparation, monitor, estimator, narrator, narrations, assets);
    Map<QueueName, Integer> workers = encoders.workers(config.workers);
    JobQueue queue =
        new JobQueue(
            store,
            config.clock,
            handlers,
            workers,
            config.random,
            config.studio != null ? config.studio.node() : folder.nodeName(),
            (job, jobs) -> {
              GateVerdict verdict = narrations.check(job, jobs);
              return studio == null || verdict.kind() != GateVerdict.Kind.READY
                  ? verdict
                  : studio.gate(job);
            });
    narrations.attach(queue);
    LocalNode node = new LocalNode(folder, queue, studio, studioProblem);
    Submissions submissions =
        new Submissions(
            config.clock,
            queue,
            cache,
            store,
            preparation,
            new ContentHasher(),
            narrations,
            narrator,
            node.assetsDir(),
            node.outputsDir(),
            encoders,
            studio == null ? null : assets);
    HookRunner hooks =
        new HookRunner(
            config.hooks,
            j -> j.type() == JobType.RENDER ? PayloadCodec.render(j).hooks() : List.of(),
            config.hookJson != null ? config.hookJson : JobCodec::write,
            monitor);
    queue.addListener(hooks);
    if (studio != null) {
      studio.start(
          queue,
          handlers,
          encoders,
          config.studio.capacity() >= 0 ? config.studio.capacity() : workers.get(QueueName.VIDEO),
          config.clock,
          config.dedupTtl,
          queue::job);
    }
    return new EngineParts(
        folder,
        config.clock,
        store,
        config.tools,
        audio,
        encoders,
        cache,
        monitor,
        queue,
        submissions,
        new Forecasts(queue, estimator, encoders),
        narrator,
        hooks,
        config.hooks.targets(),
        node,
        new Maintenance(
            queue,
            monitor,
            config.calibration == null
                ? null
                : new Calibration(
                    config.calibration,
                    folder.work(),
                    renderer,
                    preparation,
                    config.tools,
                    encoders,
                    estimator)));
  }

  private Map<JobType, JobHandler> handlers(
      Renderer renderer,
      Encoders encoders,
      DeckPreparation preparation,
      PerformanceMonitor monitor,
      RenderEstimator estimator,
      Narrator narrator,
      Narrations narrations,
      AssetStore assets) {
    Map<JobType, JobHandler> handlers = new EnumMap<>(JobType.class);
    handlers.put(
        JobType.RENDER,
        new RenderJobHandler(
            new RenderPipeline(renderer, config.tools),
            preparation,
            encoders,
            assets.dir(),
            monitor,
            estimator,
            narrations,
            config.tools,
            folder.work()));
    handlers.put(
        JobType.NARRATION, new NarrationJobHandler(narrator, assets, folder.work(), monitor));
    handlers.put(
        JobType.CLEANUP,
        new CleanupJobHandler(
            folder.work(),
            folder.outputs(),
            assets.dir(),
            store,
            config.clock,
            config.outputRetention,
            monitor));
    handlers.putAll(config.handlers);
    return handlers;
  }
}
