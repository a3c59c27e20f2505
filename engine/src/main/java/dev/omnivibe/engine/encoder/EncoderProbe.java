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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Finds out which encoders really work by running a tiny trial encode with each candidate, in
 * parallel and each under a timeout.
 *
 * <p>Listing is not detection: FFmpeg builds list NVENC, QSV and VA-API on machines with no GPU.
 * Only a candidate that is not even listed is classed as not compiled in without a trial.
 *
 * <p>A candidate the main build cannot drive for a reason of the build itself (its NVENC API is
 * newer than the driver, it was compiled without the encoder, it cannot load the vendor runtime) is
 * tried again with every other FFmpeg build that can render ({@link FfmpegTools#alternates()}), and
 * the build that passed is recorded. A missing device or a session limit is the machine's, and
 * another build would meet it too.
 */
public final class EncoderProbe {
  private static final Set<FailureReason> MACHINE_REASONS =
      Set.of(FailureReason.NO_DEVICE, FailureReason.SESSION_LIMIT);

  /** The more a reason says about the machine rather than the build, the earlier it is. */
  private static final List<FailureReason> TELLING =
      List.of(
          FailureReason.NO_DEVICE,
          FailureReason.SESSION_LIMIT,
          FailureReason.LIBRARY_MISSING,
          FailureReason.DRIVER_TOO_OLD,
          FailureReason.OTHER,
          FailureReason.NOT_COMPILED_IN);

  private final FfmpegTools tools;
  private final Duration timeout;
  private final Clock clock;
  private final List<EncoderCandidate> candidates;
  private final GpuInventory gpus;
  private final Map<FfmpegTools, Set<String>> listed = new ConcurrentHashMap<>();

  public EncoderProbe(FfmpegTools tools, Duration timeout, Clock clock) {
    this(tools, timeout, clock, EncoderCandidate.all(), GpuInventory.read());
  }

  public EncoderProbe(
      FfmpegTools tools,
      Duration timeout,
      Clock clock,
      List<EncoderCandidate> candidates,
      GpuInventory gpus) {
    this.tools = tools;
    this.timeout = timeout;
    this.clock = clock;
    this.candidates = List.copyOf(candidates);
    this.gpus = gpus;
  }

  public EncoderReport probe(String fingerprint) {
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, candidates.size()), daemon());
    try {
      List<CompletableFuture<EncoderStatus>> trials = new ArrayList<>();
      for (EncoderCandidate c : candidates) {
        trials.add(CompletableFuture.supplyAsync(() -> decide(c), pool));
      }
      List<EncoderStatus> statuses = trials.stream().map(CompletableFuture::join).toList();
      long millis = (System.nanoTime() - started) / 1_000_000;
      return new EncoderReport(
          tools.version(),
          fingerprint,
          clock.instant(),
          millis,
          statuses,
          tools.choice().publicText());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The main build's verdict, or the first other build that can drive the candidate. */
  private EncoderStatus decide(EncoderCandidate c) {
    EncoderStatus own = trial(c, tools);
    if (own.usable() || MACHINE_REASONS.contains(own.reason())) {
      return own;
    }
    EncoderStatus telling = own;
    for (FfmpegTools other : tools.alternates()) {
      EncoderStatus s = trial(c, other);
      if (s.usable()) {
        return s.withDetail(
            tools.describe()
                + " cannot drive it ("
                + reasonWords(own)
                + "); "
                + other.describe()
                + " can");
      }
      if (TELLING.indexOf(s.reason()) < TELLING.indexOf(telling.reason())) {
        telling = s;
      }
    }
    return telling;
  }

  private EncoderStatus trial(EncoderCandidate c, FfmpegTools build) {
    String exe = build.ffmpeg().toString();
    if (!listed(build).contains(c.name())) {
      return EncoderStatus.failed(
          c, FailureReason.NOT_COMPILED_IN, "not in `ffmpeg -encoders`", 0, exe);
    }
    long started = System.nanoTime();
    ProcessResult r;
    try {
      r = ProcessResult.run(trialCommand(c, build), build.environment(), timeout);
    } catch (RuntimeException e) {
      return EncoderStatus.failed(c, FailureReason.OTHER, e.getMessage(), elapsed(started), exe);
    }
    long millis = elapsed(started);
    if (r.timedOut()) {
      return EncoderStatus.failed(
          c, FailureReason.OTHER, "no answer within " + timeout.toMillis() + " ms", millis, exe);
    }
    if (r.exitCode() == 0 && !r.stderr().contains("Nothing was written")) {
      return EncoderStatus.usable(c, millis, exe);
    }
    Diagnosis d = FailureClassifier.diagnose(c.name(), r.stderr(), gpus);
    if (d.reason() == FailureReason.OTHER) {
      // Some builds say why only at a chattier level (FFmpeg 8's QSV: "No available render
      // device"); ask once more before settling for a bare "nothing was written".
      d = retryVerbose(c, build, d);
    }
    return EncoderStatus.failed(c, d.reason(), d.detail(), millis, exe);
  }

  private Diagnosis retryVerbose(EncoderCandidate c, FfmpegTools build, Diagnosis quiet) {
    List<String> cmd = new ArrayList<>(trialCommand(c, build));
    cmd.set(cmd.indexOf("error"), "verbose");
    try {
      ProcessResult r = ProcessResult.run(cmd, build.environment(), timeout);
      Diagnosis loud = FailureClassifier.diagnose(c.name(), r.stderr(), gpus);
      return loud.reason() == FailureReason.OTHER ? quiet : loud;
    } catch (RuntimeException e) {
      return quiet;
    }
  }

  /** The build's encoders: from its checked listing, or asked once when it was taken on trust. */
  private Set<String> listed(FfmpegTools build) {
    if (!build.build().encoders().isEmpty()) {
      return build.build().encoders();
    }
    return listed.computeIfAbsent(build, this::askEncoders);
  }

  private Set<String> askEncoders(FfmpegTools build) {
    ProcessResult r =
        ProcessResult.run(
            List.of(build.ffmpeg().toString(), "-hide_banner", "-encoders"),
            build.environment(),
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

  List<String> trialCommand(EncoderCandidate c) {
    return trialCommand(c, tools);
  }

  private static List<String> trialCommand(EncoderCandidate c, FfmpegTools build) {
    List<String> cmd =
        new ArrayList<>(
            List.of(build.ffmpeg().toString(), "-hide_banner", "-nostdin", "-loglevel", "error"));
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

  private static String reasonWords(EncoderStatus s) {
    return s.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + ": "
        + s.detail();
  }

  /** The first DRM render node, which is where VA-API drivers live. */
  public static String vaapiDevice() {
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
