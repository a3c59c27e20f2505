package dev.omnivibe.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnivibe.api.ApiConfig;
import dev.omnivibe.api.ApiServer;
import dev.omnivibe.api.auth.TokenStore;
import dev.omnivibe.api.json.JobJson;
import dev.omnivibe.engine.Caches;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.EngineConfig;
import dev.omnivibe.engine.cache.Cache;
import dev.omnivibe.engine.ffmpeg.FfmpegLocator;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.hooks.Hook;
import dev.omnivibe.engine.hooks.HookSettings;
import dev.omnivibe.engine.job.Priority;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.platform.AppDirs;
import dev.omnivibe.engine.request.RenderRequest;
import dev.omnivibe.engine.store.StoreLocation;
import dev.omnivibe.engine.studio.StudioOptions;
import dev.omnivibe.engine.watch.WatchFolder;
import dev.omnivibe.engine.watch.WatchSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the engine, cache and API from the settings file, the same way for the headless node and
 * the desktop window. An explicit option (command line) always wins over the file.
 */
public final class Services {
  private final Settings settings;
  private final AppDirs dirs;

  public Services(Settings settings, AppDirs dirs) {
    this.settings = settings;
    this.dirs = dirs;
  }

  public Settings settings() {
    return settings;
  }

  public AppDirs dirs() {
    return dirs;
  }

  public Path dataDir(Path option) {
    return option != null ? option : settings.get("data.dir").map(Path::of).orElse(dirs.data());
  }

  public FfmpegTools ffmpeg(Path option) {
    Path configured = settings.get("ffmpeg.path").map(Path::of).orElse(null);
    return new FfmpegLocator(dirs.ffmpegCache()).locate(option, configured);
  }

  /**
   * Redis when a URI is configured (it degrades to uncached while Redis is away), else Caffeine.
   */
  public Cache cache(String redisOption) {
    String uri = redisUri(redisOption);
    return uri != null
        ? Caches.redis(uri, Duration.ofMillis(500))
        : Caches.local((long) settings.integer("cache.max-mb").orElse(256) << 20);
  }

  public String redisUri(String option) {
    return option != null ? option : settings.get("redis.uri").orElse(null);
  }

  /**
   * Opens the engine with the worker counts from {@code workers.<queue>} and the completion hooks
   * from {@code hooks.*}.
   *
   * @throws IllegalArgumentException naming the setting when a hook is unusable
   */
  public Engine engine(Path dataDir, FfmpegTools tools) {
    return engine(dataDir, tools, null);
  }

  /**
   * As {@link #engine(Path, FfmpegTools)}, with the catalog in Neo4j when {@code neo4jOption} or
   * {@code neo4j.uri} names one ({@code neo4j.user}, {@code neo4j.password} or {@code
   * OMNIVIBE_NEO4J_PASSWORD}, {@code neo4j.database}).
   *
   * @throws dev.omnivibe.engine.store.StoreException naming the URI when Neo4j is unreachable; the
   *     SQLite store is never used instead
   */
  public Engine engine(Path dataDir, FfmpegTools tools, String neo4jOption) {
    return engine(dataDir, tools, neo4jOption, null);
  }

  /**
   * The studio's shared queue, when Redis ({@code redisOption} or {@code redis.uri}) and a shared
   * folder ({@code sharedOption} or {@code studio.shared-dir}) are both set; {@code
   * studio.capacity} overrides how many studio jobs this node runs (0: submit only).
   */
  public java.util.Optional<StudioOptions> studio(
      Path data, String redisOption, Path sharedOption) {
    String redis = redisUri(redisOption);
    Path shared =
        sharedOption != null
            ? sharedOption
            : settings
                .get("studio.shared-dir")
                .filter(v -> !v.isBlank())
                .map(Path::of)
                .orElse(null);
    if (redis == null || redis.isBlank() || shared == null) {
      return java.util.Optional.empty();
    }
    StudioOptions o = StudioOptions.of(redis, nodeId(data), shared);
    return java.util.Optional.of(
        settings.integer("studio.capacity").map(o::withCapacity).orElse(o));
  }

  /** As {@link #engine(Path, FfmpegTools, String)}, in a studio when {@code studio} is set. */
  public Engine engine(Path dataDir, FfmpegTools tools, String neo4jOption, StudioOptions studio) {
    EngineConfig config =
        new EngineConfig(dataDir, tools)
            .encoderCache(dirs.encoderCache())
            .calibration(dirs.cache().resolve("calibration.json"))
            .hooks(hooks())
            .hookJson(JobJson::hookDocument);
    // Clean-up on the maintenance queue: every maintenance.every-hours (0 = only by hand), and
    // outputs older than retention.output-days (0 or unset = kept).
    int every = settings.integer("maintenance.every-hours").orElse(6);
    config.cleanupEvery(every > 0 ? Duration.ofHours(every) : null);
    int keep = settings.integer("retention.output-days").orElse(0);
    config.outputRetention(keep > 0 ? Duration.ofDays(keep) : null);
    for (QueueName q : QueueName.values()) {
      settings.integer("workers." + q.id()).ifPresent(n -> config.workers(q, n));
    }
    String neo4j = neo4jOption != null ? neo4jOption : settings.get("neo4j.uri").orElse(null);
    if (neo4j != null) {
      String password =
          settings.get("neo4j.password").orElse(System.getenv("OMNIVIBE_NEO4J_PASSWORD"));
      config.catalog(
          new StoreLocation(
              neo4j,
              settings.get("neo4j.user").orElse(null),
              password,
              settings.get("neo4j.database").orElse(null)));
    }
    config.studio(studio);
    return Engine.open(config);
  }

  /**
   * Global hooks: {@code hooks.command} (a JSON array: program and arguments, no shell), {@code
   * hooks.webhook} (a URL), {@code hooks.webhook.secret}, {@code hooks.timeout-ms}, {@code
   * hooks.retries}.
   */
  public HookSettings hooks() {
    List<Hook> global = new ArrayList<>();
    settings
        .get("hooks.command")
        .ifPresent(v -> global.add(Hook.command(jsonArgs(v), System.getenv())));
    settings.get("hooks.webhook").ifPresent(v -> global.add(Hook.webhook(v)));
    HookSettings d = HookSettings.NONE;
    List<String> allowed =
        settings.get("hooks.allowed-targets").stream()
            .flatMap(v -> java.util.Arrays.stream(v.split(",")))
            .map(String::trim)
            .filter(v -> !v.isEmpty())
            .toList();
    List<String> bad = dev.omnivibe.engine.hooks.WebhookTargets.malformed(allowed);
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException(
          "hooks.allowed-targets in "
              + settings.file()
              + " must list host names, addresses or networks such as 10.1.0.0/16; not: "
              + String.join(", ", bad));
    }
    return new HookSettings(
        global,
        settings.integer("hooks.timeout-ms").map(Duration::ofMillis).orElse(d.timeout()),
        settings.integer("hooks.retries").orElse(d.retries()),
        d.backoff(),
        settings.get("hooks.webhook.secret").orElse(null),
        new dev.omnivibe.engine.hooks.WebhookTargets(
            settings.flag("hooks.allow-private-targets", false), allowed));
  }

  private List<String> jsonArgs(String v) {
    try {
      JsonNode n = new ObjectMapper().readTree(v);
      if (!n.isArray() || n.isEmpty()) {
        throw new IllegalArgumentException(
            "hooks.command in "
                + settings.file()
                + " must be a JSON array such as [\"/usr/bin/notify-send\", \"Render {state}\", \"{name}\"]");
      }
      List<String> args = new ArrayList<>();
      n.forEach(a -> args.add(a.asText()));
      return args;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "hooks.command in "
              + settings.file()
              + " is not a JSON array: "
              + e.getOriginalMessage());
    }
  }

  /**
   * The watch folder from {@code watch.folder} ({@code watch.priority}, {@code
   * watch.settle-seconds}, {@code watch.slide-seconds}), started; null when none is configured.
   *
   * @throws IllegalArgumentException naming the folder when it is missing or not writable
   */
  public WatchFolder watch(Engine engine) {
    Optional<String> folder = settings.get("watch.folder");
    if (folder.isEmpty()) {
      return null;
    }
    WatchSettings ws =
        new WatchSettings(
            Path.of(folder.get()),
            settings.integer("watch.priority").orElse(Priority.DEFAULT),
            Duration.ofSeconds(settings.integer("watch.settle-seconds").orElse(2)),
            settings.integer("watch.slide-seconds").orElse(5));
    String encoder = settings.get("encoder").orElse("auto");
    return new WatchFolder(
            ws,
            Clock.systemUTC(),
            (name, deck, base, priority) ->
                engine
                    .submit(
                        new RenderRequest(
                            name, deck, base, priority, null, encoder, null, null, null))
                    .id())
        .start();
  }

  /** A stable studio id per machine and data folder: two nodes on one host stay apart. */
  public static String nodeId(Path data) {
    return dev.omnivibe.engine.platform.DataFolderId.nodeName(data);
  }

  public ApiConfig apiConfig(String bindOption, Integer portOption) {
    ApiConfig api =
        new ApiConfig()
            .bind(bindOption != null ? bindOption : settings.get("api.bind").orElse("127.0.0.1"))
            .port(
                portOption != null
                    ? portOption
                    : settings.integer("api.port").orElse(ApiConfig.DEFAULT_PORT));
    settings.integer("api.max-upload-mb").ifPresent(mb -> api.maxUploadBytes((long) mb << 20));
    settings.integer("api.slow-ms").ifPresent(ms -> api.slowRequest(Duration.ofMillis(ms)));
    // Requests per second for tokens without a limit of their own (0: none).
    for (dev.omnivibe.api.auth.Role role : dev.omnivibe.api.auth.Role.values()) {
      settings.integer("api.rate." + role.id()).ifPresent(r -> api.rateLimit(role, r));
    }
    int perToken = settings.integer("api.streams.per-token").orElse(8);
    int total = settings.integer("api.streams.total").orElse(64);
    api.streams(perToken, Math.max(perToken, total));
    return api;
  }

  /** Starts the API; the token lives in {@code <data>/api-token}, created on first start. */
  public static ApiServer startApi(Engine engine, Cache cache, Path dataDir, ApiConfig config) {
    TokenStore tokens =
        new TokenStore(dataDir.resolve("api-token"), engine.apiClients(), Clock.systemUTC());
    return ApiServer.start(engine, cache, tokens, config);
  }
}
