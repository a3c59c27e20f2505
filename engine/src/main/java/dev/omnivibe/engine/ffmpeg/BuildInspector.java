package dev.omnivibe.engine.ffmpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Asks an ffmpeg/ffprobe pair what it can do: version, listings and a trial of the {@code -/option
 * file} form. The seven short runs go in parallel; the result is cached by the caller.
 */
final class BuildInspector {
  private final Duration timeout;

  BuildInspector(Duration timeout) {
    this.timeout = timeout;
  }

  FfmpegBuild inspect(Path ffmpeg, Path ffprobe, Map<String, String> env)
      throws CannotStartException {
    ExecutorService pool = Executors.newFixedThreadPool(7, BuildInspector::daemon);
    Path graph = null;
    try {
      graph = Files.createTempFile("omnivibe-option-trial", ".txt");
      Files.writeString(graph, "anullsrc=r=8000:cl=mono,atrim=end_sample=8[o]");
      Path script = graph;
      var version =
          async(pool, () -> run(List.of(ffmpeg.toString(), "-hide_banner", "-version"), env));
      var probe =
          async(pool, () -> run(List.of(ffprobe.toString(), "-hide_banner", "-version"), env));
      var encoders = async(pool, () -> run(list(ffmpeg, "-encoders"), env));
      var decoders = async(pool, () -> run(list(ffmpeg, "-decoders"), env));
      var filters = async(pool, () -> run(list(ffmpeg, "-filters"), env));
      var formats = async(pool, () -> run(list(ffmpeg, "-formats"), env));
      var fileOption =
          async(
              pool,
              () ->
                  run(
                      List.of(
                          ffmpeg.toString(),
                          "-hide_banner",
                          "-nostdin",
                          "-v",
                          "error",
                          "-/filter_complex",
                          script.toString(),
                          "-map",
                          "[o]",
                          "-f",
                          "null",
                          "-"),
                      env));
      ProcessResult v = version.join();
      if (v.exitCode() != 0) {
        throw new CannotStartException(
            v.lastLine().isEmpty() ? "exit " + v.exitCode() : v.lastLine());
      }
      ProcessResult p = probe.join();
      if (p.exitCode() != 0) {
        throw new CannotStartException(
            "its ffprobe ("
                + ffprobe
                + ") does not run: "
                + (p.lastLine().isEmpty() ? "exit " + p.exitCode() : p.lastLine()));
      }
      String formatList = formats.join().stdout();
      return new FfmpegBuild(
          Listings.version(v.stdout()),
          Listings.codecs(encoders.join().stdout()),
          Listings.codecs(decoders.join().stdout()),
          Listings.filters(filters.join().stdout()),
          Listings.formats(formatList, 'E'),
          Listings.formats(formatList, 'D'),
          fileOption.join().exitCode() == 0);
    } catch (IOException e) {
      throw new CannotStartException("cannot write a trial file: " + e.getMessage());
    } catch (java.util.concurrent.CompletionException e) {
      throw new CannotStartException(String.valueOf(e.getCause().getMessage()));
    } finally {
      pool.shutdownNow();
      if (graph != null) {
        try {
          Files.deleteIfExists(graph);
        } catch (IOException ignored) {
          // a few bytes in the temp folder
        }
      }
    }
  }

  private static List<String> list(Path ffmpeg, String what) {
    return new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", what));
  }

  private ProcessResult run(List<String> cmd, Map<String, String> env) {
    return ProcessResult.run(cmd, env, timeout);
  }

  private static <T> CompletableFuture<T> async(ExecutorService pool, Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, pool);
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "ffmpeg-inspect");
    t.setDaemon(true);
    return t;
  }
}
