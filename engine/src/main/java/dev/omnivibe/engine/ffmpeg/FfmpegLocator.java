package dev.omnivibe.engine.ffmpeg;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Chooses FFmpeg by what it can do, not by where it was found.
 *
 * <p>A build the user named (the command-line option, the {@code ffmpeg.path} setting or {@code
 * OMNIVIBE_FFMPEG}) is used if it can render and is otherwise an error that names what it lacks:
 * never a silent switch. Without one, the {@code PATH} build and the bundled {@code
 * org.bytedeco:ffmpeg} build are both checked against {@link PipelineNeeds}; a build that does
 * everything the current way beats one that needs older option forms, and {@code PATH} wins a tie.
 * A build that cannot start, or lacks something, is passed over with its reason, so a broken or old
 * FFmpeg on the machine never breaks a render that another one can do.
 *
 * <p>What each build can do is cached by the binaries' identity ({@link BuildCache}), so only the
 * first start after an install runs them.
 */
public final class FfmpegLocator {
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(15);
  private final Map<String, String> env;
  private final Supplier<UnpackedFfmpeg> bundled;
  private final BuildCache cache;
  private final BuildInspector inspector = new BuildInspector(CHECK_TIMEOUT);

  /** Checks every candidate on each call. */
  public FfmpegLocator() {
    this((Path) null);
  }

  /** Keeps what each build can do in {@code cacheFile} (see {@code AppDirs.ffmpegCache()}). */
  public FfmpegLocator(Path cacheFile) {
    this(System.getenv(), BundledFfmpeg::extract, cacheFile);
  }

  FfmpegLocator(Map<String, String> env, Supplier<UnpackedFfmpeg> bundled, Path cache) {
    this.env = env;
    this.bundled = bundled;
    this.cache = new BuildCache(cache);
  }

  /** One place FFmpeg may be, checked or not yet. */
  private record Candidate(FfmpegSource source, Path ffmpeg, Path ffprobe, String problem) {}

  /** A candidate that runs, with how it measures up. */
  private record Checked(FfmpegTools tools, NeedsAssessment assessment) {}

  /** A candidate that does not start; {@code why} names missing libraries when it can. */
  private static final class CannotRun extends Exception {
    private static final long serialVersionUID = 1L;
    final String why;

    CannotRun(String why) {
      super(why);
      this.why = why;
    }
  }

  /**
   * @param option the path given on the command line, or null
   * @param configured the path from the settings file, or null
   * @throws FfmpegNotFoundException naming every candidate and why it cannot render
   */
  public FfmpegTools locate(Path option, Path configured) {
    Optional<Candidate> named = named(option, configured);
    if (named.isPresent()) {
      return explicit(named.get());
    }
    List<FfmpegVerdict> verdicts = new ArrayList<>();
    List<Checked> usable = new ArrayList<>();
    for (Candidate c : List.of(fromPath(), fromBundle())) {
      if (c.problem() != null) {
        verdicts.add(
            new FfmpegVerdict(c.source(), null, c.ffmpeg(), VerdictOutcome.ABSENT, c.problem()));
        continue;
      }
      try {
        Checked checked = check(c);
        if (checked.assessment().usable()) {
          usable.add(checked);
        } else {
          verdicts.add(verdict(checked, VerdictOutcome.LACKS, missing(checked)));
        }
      } catch (CannotRun e) {
        verdicts.add(
            new FfmpegVerdict(c.source(), null, c.ffmpeg(), VerdictOutcome.DOES_NOT_RUN, e.why));
      }
    }
    Optional<Checked> best =
        usable.stream()
            .filter(c -> c.assessment().complete())
            .findFirst()
            .or(() -> usable.stream().findFirst());
    if (best.isEmpty()) {
      throw new FfmpegNotFoundException(
          "No FFmpeg here can render: "
              + new FfmpegChoice(verdicts).text().replaceAll("\\.$", "")
              + ". Install FFmpeg 5.1 or newer (Debian/Ubuntu: `sudo apt-get install ffmpeg`), "
              + "or set OMNIVIBE_FFMPEG to one.");
    }
    Checked chosen = best.get();
    List<FfmpegTools> others = new ArrayList<>();
    for (Checked c : usable) {
      if (c != chosen) {
        others.add(c.tools());
        verdicts.add(verdict(c, VerdictOutcome.ALSO_USABLE, olderForms(c)));
      }
    }
    verdicts.add(verdict(chosen, VerdictOutcome.USED, olderForms(chosen)));
    return chosen.tools().chosen(new FfmpegChoice(verdicts), others);
  }

  private static FfmpegVerdict verdict(Checked c, VerdictOutcome outcome, String detail) {
    FfmpegTools t = c.tools();
    return new FfmpegVerdict(t.source(), t.version(), t.ffmpeg(), outcome, detail);
  }

  private static String olderForms(Checked c) {
    return String.join(", ", c.assessment().olderForms());
  }

  private static String missing(Checked c) {
    return String.join(", ", c.assessment().missing());
  }

  private FfmpegTools explicit(Candidate c) {
    if (c.problem() != null) {
      throw new FfmpegNotFoundException(c.problem());
    }
    Checked checked;
    try {
      checked = check(c);
    } catch (CannotRun e) {
      throw new FfmpegNotFoundException(
          c.source().describe(null, c.ffmpeg()) + " does not run: " + e.why);
    }
    if (!checked.assessment().usable()) {
      throw new FfmpegNotFoundException(
          checked.tools().describe()
              + " cannot render: it lacks "
              + missing(checked)
              + ". Point "
              + where(c.source())
              + " at another FFmpeg, or clear it so OmniVibe chooses one that can.");
    }
    FfmpegChoice why =
        new FfmpegChoice(List.of(verdict(checked, VerdictOutcome.USED, olderForms(checked))));
    return checked.tools().chosen(why, List.of());
  }

  private Optional<Candidate> named(Path option, Path configured) {
    if (option != null) {
      return Optional.of(existing(FfmpegSource.OPTION, option, siblingProbe(option)));
    }
    if (configured != null) {
      return Optional.of(existing(FfmpegSource.CONFIG, configured, siblingProbe(configured)));
    }
    String fromEnv = env.get("OMNIVIBE_FFMPEG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path ffmpeg = Path.of(fromEnv);
      String probeEnv = env.get("OMNIVIBE_FFPROBE");
      Path ffprobe =
          probeEnv == null || probeEnv.isBlank() ? siblingProbe(ffmpeg) : Path.of(probeEnv);
      return Optional.of(existing(FfmpegSource.ENVIRONMENT, ffmpeg, ffprobe));
    }
    return Optional.empty();
  }

  private Candidate fromPath() {
    Optional<Path> ffmpeg = onPath(executableName("ffmpeg"));
    Optional<Path> ffprobe = onPath(executableName("ffprobe"));
    if (ffmpeg.isEmpty()) {
      return new Candidate(FfmpegSource.PATH, null, null, "no ffmpeg on PATH");
    }
    if (ffprobe.isEmpty()) {
      return new Candidate(
          FfmpegSource.PATH,
          ffmpeg.get(),
          null,
          ffmpeg.get() + " has no ffprobe beside it on PATH");
    }
    return new Candidate(FfmpegSource.PATH, ffmpeg.get(), ffprobe.get(), null);
  }

  private Candidate fromBundle() {
    UnpackedFfmpeg u = bundled.get();
    return u.problem() != null
        ? new Candidate(FfmpegSource.BUNDLED, null, null, u.problem())
        : new Candidate(FfmpegSource.BUNDLED, u.ffmpeg(), u.ffprobe(), null);
  }

  /** A named candidate whose files exist and are executable, or the problem with them. */
  private static Candidate existing(FfmpegSource source, Path ffmpeg, Path ffprobe) {
    for (Path exe : List.of(ffmpeg, ffprobe)) {
      String problem = null;
      if (!Files.isRegularFile(exe)) {
        problem = exe.getFileName() + " from " + where(source) + " not found: " + exe;
      } else if (!Files.isExecutable(exe)) {
        problem = exe.getFileName() + " from " + where(source) + " is not executable: " + exe;
      }
      if (problem != null) {
        return new Candidate(source, ffmpeg, ffprobe, problem);
      }
    }
    return new Candidate(source, ffmpeg, ffprobe, null);
  }

  /**
   * Runs (or recalls) the checks of one candidate.
   *
   * @throws CannotRun when it does not start, naming missing libraries
   */
  private Checked check(Candidate c) throws CannotRun {
    Map<String, String> environment =
        c.source() == FfmpegSource.BUNDLED ? loaderPath(c.ffmpeg().getParent()) : Map.of();
    String identity = BuildCache.identity(c.ffmpeg(), c.ffprobe());
    FfmpegBuild build = cache.get(identity).orElse(null);
    if (build == null) {
      try {
        build = inspector.inspect(c.ffmpeg(), c.ffprobe(), environment);
      } catch (CannotStartException e) {
        String libraries = MissingLibraries.explain(c.ffmpeg(), environment, e.detail);
        throw new CannotRun(e.detail + (libraries.isEmpty() ? "" : ". " + libraries));
      }
      cache.put(identity, build);
    }
    FfmpegTools tools =
        new FfmpegTools(
            c.ffmpeg(),
            c.ffprobe(),
            c.source(),
            build.version(),
            environment,
            build,
            FfmpegChoice.none(),
            List.of());
    return new Checked(tools, PipelineNeeds.assess(build));
  }

  /** Puts the bundle's own folder first on the dynamic loader path. */
  private Map<String, String> loaderPath(Path dir) {
    String os = System.getProperty("os.name", "");
    String variable =
        os.startsWith("Mac")
            ? "DYLD_LIBRARY_PATH"
            : os.startsWith("Windows") ? "PATH" : "LD_LIBRARY_PATH";
    String existing = env.getOrDefault(variable, "");
    Map<String, String> vars = new java.util.HashMap<>();
    vars.put(variable, existing.isEmpty() ? dir.toString() : dir + File.pathSeparator + existing);
    // The bundled libva looks for VA drivers where Debian and Ubuntu keep them; Fedora, Arch and
    // openSUSE keep them in /usr/lib64/dri, so point it there unless the user already did.
    Path debianDri = Path.of("/usr/lib/x86_64-linux-gnu/dri");
    Path lib64Dri = Path.of("/usr/lib64/dri");
    if (!env.containsKey("LIBVA_DRIVERS_PATH")
        && !Files.isDirectory(debianDri)
        && Files.isDirectory(lib64Dri)) {
      vars.put("LIBVA_DRIVERS_PATH", lib64Dri.toString());
    }
    return Map.copyOf(vars);
  }

  private Optional<Path> onPath(String name) {
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Path siblingProbe(Path ffmpeg) {
    String name = ffmpeg.getFileName().toString().replace("ffmpeg", "ffprobe");
    return ffmpeg.resolveSibling(name);
  }

  static String executableName(String base) {
    return System.getProperty("os.name", "").startsWith("Windows") ? base + ".exe" : base;
  }

  private static String where(FfmpegSource source) {
    return switch (source) {
      case OPTION -> "--ffmpeg";
      case CONFIG -> "the ffmpeg.path setting";
      case ENVIRONMENT -> "OMNIVIBE_FFMPEG";
      case PATH -> "PATH";
      case BUNDLED -> "the bundled org.bytedeco:ffmpeg";
    };
  }
}
