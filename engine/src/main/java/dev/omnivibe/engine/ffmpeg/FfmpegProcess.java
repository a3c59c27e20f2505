package dev.omnivibe.engine.ffmpeg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A running FFmpeg: started from an argument list (never a shell string), with {@code -progress}
 * parsed from stdout and the tail of stderr kept for error messages.
 *
 * <p>{@link #stop(Duration)} asks FFmpeg to finish with {@code q} on stdin, which lets it close its
 * files, and kills it after the grace period.
 */
public final class FfmpegProcess {
  private static final int STDERR_LINES = 40;
  private final String step;
  private final String executable;
  private final Process process;
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private final Thread stdoutReader;
  private final Thread stderrReader;
  private volatile boolean stopRequested;

  private FfmpegProcess(
      String step, String executable, Process process, Consumer<ProgressSnapshot> progress) {
    this.step = step;
    this.executable = executable;
    this.process = process;
    ProgressParser parser = new ProgressParser(progress);
    this.stdoutReader = reader(process.getInputStream(), parser::accept, step + "-progress");
    this.stderrReader = reader(process.getErrorStream(), this::keepStderr, step + "-stderr");
  }

  /**
   * Starts FFmpeg. The caller's arguments must already contain {@code -progress pipe:1} if progress
   * is wanted; stdin stays open so {@code q} can be sent.
   */
  public static FfmpegProcess start(
      String step,
      List<String> command,
      Map<String, String> env,
      Consumer<ProgressSnapshot> progress) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().putAll(env);
      Process p = pb.start();
      return new FfmpegProcess(step, command.get(0), p, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start ffmpeg for " + step + ": " + e.getMessage(), e);
    }
  }

  /** Standard input, for steps that stream data into FFmpeg ({@code -i pipe:0}). */
  public OutputStream stdin() {
    return process.getOutputStream();
  }

  /**
   * Waits for FFmpeg to end and throws {@link FfmpegFailedException} when it failed.
   *
   * @return the exit code (0)
   */
  public int await() throws InterruptedException {
    int code = process.waitFor();
    stdoutReader.join(2_000);
    stderrReader.join(2_000);
    if (code != 0 && !stopRequested) {
      throw new FfmpegFailedException(step, executable, code, stderrTail());
    }
    return code;
  }

  /** Sends {@code q}, waits up to {@code grace}, then kills the process (and its children). */
  public void stop(Duration grace) {
    stopRequested = true;
    if (!process.isAlive()) {
      return;
    }
    try {
      OutputStream in = process.getOutputStream();
      in.write('q');
      in.flush();
      in.close();
    } catch (IOException ignored) {
      // stdin already closed: FFmpeg is ending or is reading from it; kill below if needed
    }
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  public synchronized List<String> stderrTail() {
    return new ArrayList<>(stderrTail);
  }

  private synchronized void keepStderr(String line) {
    if (stderrTail.size() == STDERR_LINES) {
      stderrTail.removeFirst();
    }
    stderrTail.addLast(line);
  }

  private static Thread reader(InputStream in, Consumer<String> lines, String name) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.accept(line);
                }
              } catch (IOException ignored) {
                // the process ended or was killed; nothing more to read
              }
            },
            name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
