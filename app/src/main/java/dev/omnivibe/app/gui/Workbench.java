package dev.omnivibe.app.gui;

import dev.omnivibe.api.ApiConfig;
import dev.omnivibe.api.ApiServer;
import dev.omnivibe.app.Services;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.cache.Cache;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the window drives: the engine, the response cache and, when enabled, the embedded API. Made
 * off the FX thread at start-up; the API can be started, stopped and restarted from the settings
 * view without touching the engine.
 */
public final class Workbench implements AutoCloseable {
  private final Engine engine;
  private final Path dataDir;
  private volatile Cache cache;
  private volatile ApiServer api;
  private volatile String apiError;
  private volatile dev.omnivibe.engine.watch.WatchFolder watch;
  private volatile String watchError;
  private volatile dev.omnivibe.engine.studio.StudioPresence studio;
  private volatile String studioError;

  public Workbench(Engine engine, Cache cache, Path dataDir) {
    this.engine = engine;
    this.cache = cache;
    this.dataDir = dataDir;
  }

  /** Opens everything the settings file asks for; the API only when {@code api.enabled=true}. */
  public static Workbench open(Services services) {
    Path data = services.dataDir(null);
    Engine engine =
        services.engine(
            data, services.ffmpeg(null), null, services.studio(data, null, null).orElse(null));
    Workbench bench = new Workbench(engine, services.cache(null), data);
    String redis = services.redisUri(null);
    if (redis != null) {
      String id = Services.nodeId(data);
      try {
        bench.studio =
            new dev.omnivibe.engine.studio.StudioPresence(
                redis,
                () -> engine.nodeInfo(id, bench.api().map(ApiServer::url).orElse("")),
                dev.omnivibe.engine.studio.StudioPresence.TTL);
      } catch (RuntimeException e) {
        bench.studioError = "Redis at " + redis + " is unreachable (" + e.getMessage() + ")";
      }
    }
    try {
      bench.watch = services.watch(engine);
    } catch (IllegalArgumentException e) {
      bench.watchError = e.getMessage(); // shown in the status bar; the window still opens
    }
    if (services.settings().flag("api.enabled", false)) {
      try {
        bench.startApi(services.apiConfig(null, null));
      } catch (RuntimeException e) {
        // The window must still open; the settings view shows why the API is off.
        bench.apiError = e.getMessage();
      }
    }
    return bench;
  }

  public Engine engine() {
    return engine;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Optional<ApiServer> api() {
    return Optional.ofNullable(api);
  }

  /** Why the API failed to start at launch, if it did. */
  public Optional<String> apiError() {
    return Optional.ofNullable(apiError);
  }

  /** The studio this workstation joined (Redis configured and reachable). */
  public Optional<dev.omnivibe.engine.studio.StudioPresence> studio() {
    return Optional.ofNullable(studio);
  }

  /** Why joining the studio failed, if it did. */
  public Optional<String> studioError() {
    return Optional.ofNullable(studioError);
  }

  /** Why the watch folder did not start, if it did not. */
  public Optional<String> watchError() {
    return Optional.ofNullable(watchError);
  }

  /** Stops a running API, then starts one with {@code config}. */
  public synchronized ApiServer startApi(ApiConfig config) {
    stopApi();
    api = Services.startApi(engine, cache, dataDir, config);
    apiError = null;
    return api;
  }

  public synchronized void stopApi() {
    if (api != null) {
      api.close();
      api = null;
    }
  }

  /** Swaps the response cache (Redis URI changed); a running API is restarted on the new one. */
  public synchronized void replaceCache(Cache next, ApiConfig apiConfig) {
    Cache old = cache;
    boolean restart = api != null;
    stopApi();
    cache = next;
    old.close();
    if (restart) {
      startApi(apiConfig);
    }
  }

  public Cache cache() {
    return cache;
  }

  @Override
  public synchronized void close() {
    if (studio != null) {
      studio.close();
    }
    if (watch != null) {
      watch.close();
    }
    stopApi();
    engine.close();
    cache.close();
  }
}
