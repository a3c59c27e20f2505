package dev.omnivibe.engine.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The outcome of a short command run to completion: exit code, stdout and stderr.
 *
 * <p>Both streams are drained on their own threads so a chatty process cannot block on a full pipe.
 * A process that outlives the timeout is killed and reported with exit code -1.
 */
public record ProcessResult(int exitCode, String stdout, String stderr, boolean timedOut) {

  public static ProcessResult run(List<String> command, Duration timeout) {
    return run(command, Map.of(), timeout);
  }

  /** Runs with extra environment variables (see {@link FfmpegTools#environment()}). */
  public static ProcessResult run(List<String> command, Map<String, String> env, Duration timeout) {
    Process process;
    try {
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().putAll(env);
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        // Children (a wrapper script's ffmpeg, say) would keep the pipes open and the drains
        // waiting.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
      return new ProcessResult(
          finished ? process.exitValue() : -1, out.join(), err.join(), !finished);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    } catch (IOException e) {
      process.destroyForcibly();
      throw new UncheckedIOException(e);
    }
  }

  /** The last non-blank line of stderr (FFmpeg's own error), or of stdout when stderr is empty. */
  public String lastLine() {
    return lastNonBlank(stderr, lastNonBlank(stdout, ""));
  }

  /** The last line of {@code text} that is not blank, trimmed; {@code none} when there is none. */
  static String lastNonBlank(String text, String none) {
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? none : lines.get(lines.size() - 1).trim();
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        },
        runnable -> {
          Thread t = new Thread(runnable, "process-drain");
          t.setDaemon(true);
          t.start();
        });
  }
}
