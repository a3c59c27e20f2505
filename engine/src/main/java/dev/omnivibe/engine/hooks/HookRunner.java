package dev.omnivibe.engine.hooks;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.monitor.PerformanceMonitor;
import dev.omnivibe.engine.monitor.Status;
import dev.omnivibe.engine.queue.JobEvent;
import dev.omnivibe.engine.queue.JobListener;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs completion hooks when jobs finish, off the queue's threads: a slow webhook never holds up
 * the queue's events. Every run is recorded in the performance monitor (category {@code hooks}), so
 * failures show in the report, not only in the log.
 */
public final class HookRunner implements JobListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HookRunner.class);
  private final HookSettings settings;
  private final Function<Job, List<Hook>> perJob;
  private final Function<Job, String> json;
  private final PerformanceMonitor monitor;
  private final HttpClient http;
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "omnivibe-hooks");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param perJob the job's own hooks (from its payload)
   * @param json the document a hook receives (the API's job JSON where there is an API)
   */
  public HookRunner(
      HookSettings settings,
      Function<Job, List<Hook>> perJob,
      Function<Job, String> json,
      PerformanceMonitor monitor) {
    this.settings = settings;
    this.perJob = perJob;
    this.json = json;
    this.monitor = monitor;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
  }

  @Override
  public void onEvent(JobEvent e) {
    Job job = e.job();
    if (e.kind() != JobEvent.Kind.CHANGED || !job.state().isTerminal() || job.isFollower()) {
      return;
    }
    // Global hooks are about renders: a deck's narration and the scheduled clean-ups are steps,
    // not results anyone waits for. A job's own hooks always run.
    if (job.type() == dev.omnivibe.engine.job.JobType.RENDER) {
      for (Hook h : settings.global()) {
        pool.execute(() -> run(h, job, false));
      }
    }
    for (Hook h : perJob.apply(job)) {
      pool.execute(() -> run(h, job, true));
    }
  }

  /**
   * @param checked the hook came with the job (from an API caller): its webhook target is checked
   *     again now, since the name may point somewhere else than at submit
   */
  private void run(Hook hook, Job job, boolean checked) {
    long start = System.nanoTime();
    String what =
        hook instanceof CommandHook c
            ? "command " + c.args().get(0)
            : "webhook " + ((WebhookHook) hook).url();
    try {
      if (hook instanceof CommandHook c) {
        command(c, job);
      } else {
        if (checked) {
          settings.targets().check(((WebhookHook) hook).url());
        }
        webhook((WebhookHook) hook, job);
      }
      monitor.record(
          hook instanceof CommandHook ? "command" : "webhook",
          "hooks",
          ms(start),
          Status.SUCCESS,
          Map.of());
    } catch (Exception ex) {
      if (ex instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      monitor.record(
          hook instanceof CommandHook ? "command" : "webhook",
          "hooks",
          ms(start),
          Status.ERROR,
          Map.of("error", String.valueOf(ex.getMessage())));
      LOG.warn("hook {} for job {} failed: {}", what, job.id(), ex.getMessage());
    }
  }

  private static double ms(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  private void command(CommandHook c, Job job) throws IOException, InterruptedException {
    String output =
        job.result() == null || job.result().output() == null ? "" : job.result().output();
    List<String> args = new ArrayList<>();
    for (String a : c.args()) {
      args.add(
          a.replace("{id}", job.id())
              .replace("{name}", job.name())
              .replace("{state}", job.state().name())
              .replace("{output}", output));
    }
    Path log = Files.createTempFile("omnivibe-hook-", ".log");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().put("OMNIVIBE_JOB_ID", job.id());
      pb.environment().put("OMNIVIBE_JOB_STATE", job.state().name());
      pb.environment().put("OMNIVIBE_OUTPUT", output);
      Process p = pb.start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(json.apply(job).getBytes(StandardCharsets.UTF_8));
      } catch (IOException ignored) {
        // The program need not read its input.
      }
      if (!p.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IOException("did not finish within " + settings.timeout().toSeconds() + " s");
      }
      if (p.exitValue() != 0) {
        throw new IOException("exited with " + p.exitValue() + ": " + tail(log));
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String tail(Path log) throws IOException {
    String s = Files.readString(log, StandardCharsets.UTF_8).strip();
    return s.length() > 300 ? "…" + s.substring(s.length() - 300) : s;
  }

  private void webhook(WebhookHook w, Job job) throws IOException, InterruptedException {
    String body = json.apply(job);
    HttpRequest.Builder req =
        HttpRequest.newBuilder(w.url())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "OmniVibe-Workstation")
            .header("X-OmniVibe-Event", "job." + job.state().name().toLowerCase(Locale.ROOT))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (settings.secret() != null && !settings.secret().isBlank()) {
      req.header("X-OmniVibe-Signature", "sha256=" + WebhookSignature.of(settings.secret(), body));
    }
    String last = "";
    long wait = settings.backoff().toMillis();
    for (int attempt = 0; attempt <= settings.retries(); attempt++) {
      if (attempt > 0) {
        Thread.sleep(wait);
        wait *= 2;
      }
      try {
        HttpResponse<Void> r = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
        int code = r.statusCode();
        if (code < 300) {
          return;
        }
        last = "HTTP " + code;
        if (code != 429 && code < 500) {
          break; // the receiver refused this body; sending it again would not help
        }
      } catch (IOException e) {
        last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
    }
    throw new IOException("gave up after " + (settings.retries() + 1) + " attempt(s): " + last);
  }

  @Override
  public void close() {
    pool.shutdown();
    try {
      pool.awaitTermination(
          settings.timeout().toMillis() * (settings.retries() + 2), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pool.shutdownNow();
  }
}
