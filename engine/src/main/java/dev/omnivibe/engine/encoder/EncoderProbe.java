package dev.omnivibe.engine.encoder;

import dev.omnivibe.engine.ffmpeg.FfmpegTools;
import dev.omnivibe.engine.ffmpeg.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Finds out which encoders really work by running a tiny trial encode with each candidate, in
 * parallel and each under a timeout.
 *
 * <p>Listing is not detection: FFmpeg builds list NVENC, QSV and VA-API on machines with no GPU.
 * Only a candidate that is not even listed is classed as not compiled in without a trial.
 */
public final class EncoderProbe {
  private final FfmpegTools tools;
  private final Duration timeout;
  private final Clock clock;
  private final List<EncoderCandidate> candidates;

  public EncoderProbe(FfmpegTools tools, Duration timeout, Clock clock) {
    this(tools, timeout, clock, EncoderCandidate.all());
  }

  public EncoderProbe(
      FfmpegTools tools, Duration timeout, Clock clock, List<EncoderCandidate> candidates) {
    this.tools = tools;
    this.timeout = timeout;
    this.clock = clock;
    this.candidates = List.copyOf(candidates);
  }

  public EncoderReport probe(String fingerprint) {
    long started = System.nanoTime();
    Set<String> listed = listedEncoders();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, candidates.size()), daemon());
    try {
      List<CompletableFuture<EncoderStatus>> trials = new ArrayList<>();
      for (EncoderCandidate c : candidates) {
        if (!listed.contains(c.name())) {
          trials.add(
              CompletableFuture.completedFuture(
                  EncoderStatus.failed(
                      c, FailureReason.NOT_COMPILED_IN, "not in `ffmpeg -encoders`", 0)));
        } else {
          trials.add(CompletableFuture.supplyAsync(() -> trial(c), pool));
        }
      }
      List<EncoderStatus> statuses = trials.stream().map(CompletableFuture::join).toList();
      long millis = (System.nanoTime() - started) / 1_000_000;
      return new EncoderReport(tools.version(), fingerprint, clock.instant(), millis, statuses);
    } finally {
      pool.shutdownNow();
    }
  }

  private Set<String> listedEncoders() {
    ProcessResult r =
        ProcessResult.run(
            List.of(tools.ffmpeg().toString(), "-hide_banner", "-encoders"),
            tools.environment(),
            timeout);
    Set<String> names = new HashSet<>();
    for (String line : r.stdout().split("\n")) {
      String[] parts = line.trim().split("\\s+");
      // Lines look like " V....D libx264   libx264 H.264 ..."; the flags column starts with V.
      if (parts.length >= 2 && parts[0].length() == 6 && parts[0].charAt(0) == 'V') {
        names.add(parts[1]);
      }
    }
    return names;
  }

  private EncoderStatus trial(EncoderCandidate c) {
    long started = System.nanoTime();
    ProcessResult r;
    try {
      r = ProcessResult.run(trialCommand(c), tools.environment(), timeout);
    } catch (RuntimeException e) {
      return EncoderStatus.failed(c, FailureReason.OTHER, e.getMessage(), elapsed(started));
    }
    long millis = elapsed(started);
    if (r.timedOut()) {
      return EncoderStatus.failed(
          c, FailureReason.OTHER, "no answer within " + timeout.toMillis() + " ms", millis);
    }
    if (r.exitCode() == 0 && !r.stderr().contains("Nothing was written")) {
      return EncoderStatus.usable(c, millis);
    }
    return EncoderStatus.failed(
        c, FailureClassifier.classify(r.stderr()), FailureClassifier.explain(r.stderr()), millis);
  }

  List<String> trialCommand(EncoderCandidate c) {
    List<String> cmd =
        new ArrayList<>(
            List.of(tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-loglevel", "error"));
    if (c.needsHwUpload()) {
      cmd.addAll(List.of("-vaapi_device", vaapiDevice()));
    }
    // 320x240: above every hardware encoder's minimum size; three frames exercise the first P.
    cmd.addAll(List.of("-f", "lavfi", "-i", "color=c=gray:s=320x240:r=30:d=0.2", "-frames:v", "3"));
    if (c.needsHwUpload()) {
      cmd.addAll(List.of("-vf", "format=nv12,hwupload"));
    }
    cmd.addAll(List.of("-c:v", c.name(), "-f", "null", "-"));
    return cmd;
  }

  /** The first DRM render node, which is where VA-API drivers live. */
  static String vaapiDevice() {
    try (var nodes = Files.list(Path.of("/dev/dri"))) {
      return nodes
          .map(Path::toString)
          .filter(p -> p.contains("renderD"))
          .sorted()
          .findFirst()
          .orElse("/dev/dri/renderD128");
    } catch (Exception e) {
      return "/dev/dri/renderD128";
    }
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "encoder-probe");
      t.setDaemon(true);
      return t;
    };
  }
}
