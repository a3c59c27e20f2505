package dev.omnivibe.engine.encoder;

import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers "which encoders work here?" from the cache when it is current, else by probing. */
public final class EncoderDetector {
  private static final Logger LOG = LoggerFactory.getLogger(EncoderDetector.class);
  public static final Duration DEFAULT_TRIAL_TIMEOUT = Duration.ofSeconds(5);
  private final FfmpegTools tools;
  private final EncoderCache cache;
  private final EncoderProbe probe;
  private final Function<String, String> fingerprint;

  public EncoderDetector(FfmpegTools tools, Path cacheFile, Clock clock) {
    this(
        tools,
        new EncoderCache(cacheFile),
        new EncoderProbe(tools, DEFAULT_TRIAL_TIMEOUT, clock),
        DriverFingerprint::of);
  }

  public EncoderDetector(
      FfmpegTools tools,
      EncoderCache cache,
      EncoderProbe probe,
      Function<String, String> fingerprint) {
    this.tools = tools;
    this.cache = cache;
    this.probe = probe;
    this.fingerprint = fingerprint;
  }

  /**
   * @param refresh probe again even when the cached result is current
   */
  public EncoderReport detect(boolean refresh) {
    String key = fingerprint.apply(builds(tools));
    if (!refresh) {
      var cached = cache.load(key);
      if (cached.isPresent()) {
        return cached.get().withChoice(tools.choice().publicText());
      }
    }
    EncoderReport report = probe.probe(key);
    try {
      cache.save(report);
    } catch (IOException e) {
      // The probe result is still right; only the next start will have to probe again.
      LOG.warn("cannot write the encoder cache: {}", e.getMessage());
    }
    return report;
  }

  /** Every build a trial may run with; another build on the machine means probe again. */
  static String builds(FfmpegTools tools) {
    StringBuilder b = new StringBuilder(tools.describe());
    tools.alternates().forEach(a -> b.append('\n').append(a.describe()));
    return b.toString();
  }
}
