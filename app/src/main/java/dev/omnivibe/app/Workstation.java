package dev.omnivibe.app;

import dev.omnivibe.engine.DirectRender;
import dev.omnivibe.engine.encoder.EncoderDetector;
import dev.omnivibe.engine.encoder.EncoderReport;
import dev.omnivibe.engine.ffmpeg.FfmpegLocator;
import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.platform.AppDirs;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Wires the engine pieces the launcher needs from the per-user folders and config file ({@code
 * omnivibe.properties} in the config folder; {@code ffmpeg.path} is read here).
 */
public final class Workstation {
  private final AppDirs dirs;
  private final FfmpegTools tools;

  private Workstation(AppDirs dirs, FfmpegTools tools) {
    this.dirs = dirs;
    this.tools = tools;
  }

  /** Locates FFmpeg (option, config, environment, PATH, bundled) and prepares the engine. */
  public static Workstation open(Path ffmpegOption) {
    AppDirs dirs = AppDirs.forCurrentUser();
    Path configured = Settings.load(dirs.config()).get("ffmpeg.path").map(Path::of).orElse(null);
    return new Workstation(
        dirs, new FfmpegLocator(dirs.ffmpegCache()).locate(ffmpegOption, configured));
  }

  public FfmpegTools tools() {
    return tools;
  }

  public EncoderReport encoders(boolean refresh) {
    return new EncoderDetector(tools, dirs.encoderCache(), Clock.systemUTC()).detect(refresh);
  }

  /** Renders one deck in this process, as {@code omnivibe render} does. */
  public DirectRender renderer() {
    return DirectRender.withDefaults(tools);
  }
}
