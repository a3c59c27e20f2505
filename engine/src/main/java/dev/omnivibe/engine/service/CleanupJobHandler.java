package dev.omnivibe.engine.service;

import dev.omnivibe.engine.job.FailureKind;
import dev.omnivibe.engine.job.JobResult;
import dev.omnivibe.engine.monitor.PerformanceMonitor;
import dev.omnivibe.engine.monitor.Status;
import dev.omnivibe.engine.platform.FileTrees;
import dev.omnivibe.engine.queue.JobContext;
import dev.omnivibe.engine.queue.JobFailedException;
import dev.omnivibe.engine.queue.JobHandler;
import dev.omnivibe.engine.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The maintenance queue's clean-up (the seed's {@code cleanup_temp_files}, and more): temporary
 * render and narration folders and unfinished uploads older than twice the hard time limit (so
 * never those of a running job), outputs past their retention, and performance roll-ups past the
 * monitor's seven days.
 */
public final class CleanupJobHandler implements JobHandler {
  /** Anything temporary older than this belongs to no running job (the hard limit is 60 min). */
  static final Duration TEMP_AGE = Duration.ofHours(2);

  private final Path work;
  private final Path outputs;
  private final Path assets;
  private final Store store;
  private final Clock clock;
  private final Duration outputRetention;
  private final PerformanceMonitor monitor;

  /**
   * @param outputRetention how long finished outputs are kept; null keeps them for ever
   */
  public CleanupJobHandler(
      Path work,
      Path outputs,
      Path assets,
      Store store,
      Clock clock,
      Duration outputRetention,
      PerformanceMonitor monitor) {
    this.work = work;
    this.outputs = outputs;
    this.assets = assets;
    this.store = store;
    this.clock = clock;
    this.outputRetention = outputRetention;
    this.monitor = monitor;
  }

  @Override
  public JobResult run(JobContext ctx) throws JobFailedException {
    long started = System.nanoTime();
    Instant now = clock.instant();
    Instant tempCutoff = now.minus(TEMP_AGE);
    try {
      Freed freed =
          sweep(work, tempCutoff, p -> true)
              .plus(
                  sweep(outputs, tempCutoff, p -> p.getFileName().toString().endsWith(".partial")))
              .plus(sweep(assets, tempCutoff, p -> p.getFileName().toString().startsWith(".")))
              .plus(
                  outputRetention == null
                      ? new Freed(0, 0)
                      : sweep(
                          outputs,
                          now.minus(outputRetention),
                          p -> p.getFileName().toString().endsWith(".mp4")));
      int rollups =
          store.deleteRollupsBefore(
              now.minus(dev.omnivibe.engine.monitor.PerformanceMonitor.RETENTION));
      long wall = (System.nanoTime() - started) / 1_000_000;
      monitor.record(
          "cleanup",
          "maintenance",
          wall,
          Status.SUCCESS,
          Map.of("files", freed.files(), "bytes", freed.bytes(), "rollups", rollups));
      return new JobResult(
          null, freed.bytes(), null, null, null, freed.files(), 0, 0, wall, 0, null);
    } catch (IOException e) {
      monitor.record(
          "cleanup", "maintenance", (System.nanoTime() - started) / 1e6, Status.ERROR, Map.of());
      throw new JobFailedException(FailureKind.TRANSIENT, "clean-up stopped: " + e.getMessage(), e);
    }
  }

  /**
   * Deletes the entries of {@code dir} matching {@code which} last changed before {@code cutoff}.
   */
  public static Freed sweep(Path dir, Instant cutoff, Predicate<Path> which) throws IOException {
    if (!Files.isDirectory(dir)) {
      return new Freed(0, 0);
    }
    List<Path> old;
    try (Stream<Path> entries = Files.list(dir)) {
      old = entries.filter(which).filter(p -> modified(p).isBefore(cutoff)).toList();
    }
    long files = 0;
    long bytes = 0;
    for (Path p : old) {
      long[] size = size(p);
      FileTrees.deleteQuietly(p);
      if (!Files.exists(p)) {
        files += size[0];
        bytes += size[1];
      }
    }
    return new Freed(files, bytes);
  }

  /**
   * The newest modification of a file inside {@code p} (or of {@code p} itself when it holds no
   * files): a folder a render is still writing into is never old.
   */
  private static Instant modified(Path p) {
    try (Stream<Path> all = Files.walk(p)) {
      return all.filter(f -> Files.isRegularFile(f) || f.equals(p) && !Files.isDirectory(f))
          .map(CleanupJobHandler::mtime)
          .max(Instant::compareTo)
          .orElseGet(() -> mtime(p));
    } catch (IOException e) {
      return Instant.MAX;
    }
  }

  private static Instant mtime(Path f) {
    try {
      return Files.getLastModifiedTime(f).toInstant();
    } catch (IOException e) {
      return Instant.MAX;
    }
  }

  private static long[] size(Path p) {
    long[] acc = new long[2];
    try (Stream<Path> all = Files.walk(p)) {
      all.filter(Files::isRegularFile)
          .forEach(
              f -> {
                acc[0]++;
                try {
                  acc[1] += Files.size(f);
                } catch (IOException e) {
                  // counted without its size
                }
              });
    } catch (IOException e) {
      // nothing counted
    }
    return acc;
  }
}
