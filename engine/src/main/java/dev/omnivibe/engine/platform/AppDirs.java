package dev.omnivibe.engine.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * Per-user folders, following each OS's convention: XDG on Linux, {@code %APPDATA%} and {@code
 * %LOCALAPPDATA%} on Windows, {@code ~/Library} on macOS. {@code OMNIVIBE_HOME} puts everything
 * under one folder instead (handy for portable installs and tests).
 *
 * @param state logs and other records of what happened ({@code XDG_STATE_HOME}, {@code
 *     ~/Library/Logs}, {@code %LOCALAPPDATA%})
 */
public record AppDirs(Path data, Path cache, Path config, Path state) {
  private static final String APP = "omnivibe";

  /** Folders with the state folder beside the data folder, as {@code OMNIVIBE_HOME} lays out. */
  public AppDirs(Path data, Path cache, Path config) {
    this(data, cache, config, data.resolveSibling("state"));
  }

  /**
   * The current user's folders; the {@code omnivibe.home} system property overrides the variable.
   */
  public static AppDirs forCurrentUser() {
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    String home = System.getProperty("omnivibe.home");
    if (home != null && !home.isBlank()) {
      env.put("OMNIVIBE_HOME", home);
    }
    return of(env, System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
  }

  public static AppDirs of(Map<String, String> env, String osName, Path home) {
    String root = env.get("OMNIVIBE_HOME");
    if (root != null && !root.isBlank()) {
      Path r = Path.of(root);
      return new AppDirs(
          r.resolve("data"), r.resolve("cache"), r.resolve("config"), r.resolve("state"));
    }
    if (osName.startsWith("Windows")) {
      Path roaming = pathOr(env, "APPDATA", home.resolve("AppData/Roaming"));
      Path local = pathOr(env, "LOCALAPPDATA", home.resolve("AppData/Local"));
      return new AppDirs(
          roaming.resolve("OmniVibe"),
          local.resolve("OmniVibe/Cache"),
          roaming.resolve("OmniVibe"),
          local.resolve("OmniVibe/Logs"));
    }
    if (osName.startsWith("Mac")) {
      Path lib = home.resolve("Library");
      return new AppDirs(
          lib.resolve("Application Support/OmniVibe"),
          lib.resolve("Caches/OmniVibe"),
          lib.resolve("Preferences/OmniVibe"),
          lib.resolve("Logs/OmniVibe"));
    }
    return new AppDirs(
        pathOr(env, "XDG_DATA_HOME", home.resolve(".local/share")).resolve(APP),
        pathOr(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve(APP),
        pathOr(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve(APP),
        pathOr(env, "XDG_STATE_HOME", home.resolve(".local/state")).resolve(APP));
  }

  /** The newest log file; older ones beside it are {@code omnivibe-1.log} and so on. */
  public Path logFile() {
    return state.resolve("omnivibe-0.log");
  }

  /** Where the encoder probe result is cached. */
  public Path encoderCache() {
    return cache.resolve("encoders.json");
  }

  /** Where what each FFmpeg build can do is cached, keyed by the binaries' identity. */
  public Path ffmpegCache() {
    return cache.resolve("ffmpeg-builds.json");
  }

  private static Path pathOr(Map<String, String> env, String key, Path fallback) {
    String v = env.get(key);
    return v == null || v.isBlank() ? fallback : Path.of(v);
  }
}
