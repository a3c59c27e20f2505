package dev.omnivibe.api.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a load test. The closed model runs {@code users} loops that each wait for their answer
 * before the next request. The open model ({@code rate > 0}) sends at fixed intended times, as wrk2
 * does, and measures every latency from the intended send time, so a server that stalls is charged
 * for the requests that queued behind the stall (coordinated-omission correction).
 */
public final class LoadRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LoadTestConfig config;
  private final HttpClient http;
  private final Recorder recorder = new Recorder();
  private final AtomicReference<String> lastJob = new AtomicReference<>("none");
  private final Map<String, String> assets = new HashMap<>();
  private final AtomicLong sent = new AtomicLong();
  private final ExecutorService streams =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "loadtest-sse");
            t.setDaemon(true);
            return t;
          });

  private final ExecutorService callbacks;

  public LoadRunner(LoadTestConfig config) {
    this.config = config;
    this.callbacks =
        Executors.newFixedThreadPool(
            Math.max(2, Math.min(config.users(), 64)),
            r -> {
              Thread t = new Thread(r, "loadtest-http");
              t.setDaemon(true);
              return t;
            });
    this.http =
        HttpClient.newBuilder().connectTimeout(config.timeout()).executor(callbacks).build();
  }

  /** Requests sent so far, warm-up included (for a progress bar). */
  public long sent() {
    return sent.get();
  }

  /** Total requests the run will send, or -1 when it is bounded by time. */
  public long planned() {
    return config.requests() > 0 ? config.requests() + config.warmupRequests() : -1;
  }

  public LoadReport run() throws IOException, InterruptedException {
    upload();
    Instant started = Instant.now();
    if (config.rate() > 0) {
      open();
    } else {
      closed();
    }
    streams.shutdownNow();
    callbacks.shutdown();
    String target =
        config.baseUrl()
            + (config.scenario().steps().size() == 1
                ? config.scenario().steps().get(0).path()
                : " (scenario)");
    return new LoadReport(started, recorder, config.rate(), target);
  }

  private void upload() throws IOException, InterruptedException {
    for (Map.Entry<String, Path> u : config.scenario().uploads().entrySet()) {
      String name = u.getValue().getFileName().toString().toLowerCase(Locale.ROOT);
      String type =
          name.endsWith(".png")
              ? "image/png"
              : name.endsWith(".wav")
                  ? "audio/wav"
                  : name.endsWith(".jpg") || name.endsWith(".jpeg")
                      ? "image/jpeg"
                      : "application/octet-stream";
      HttpResponse<String> r =
          http.send(
              base("/api/v1/assets")
                  .header("Content-Type", type)
                  .POST(HttpRequest.BodyPublishers.ofFile(u.getValue()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 201) {
        throw new IOException(
            "uploading " + u.getValue() + " failed: " + r.statusCode() + " " + r.body());
      }
      assets.put(u.getKey(), JSON.readTree(r.body()).get("id").asText());
    }
  }

  private void closed() throws InterruptedException {
    long total = planned();
    long warmupEnd = config.duration() == null ? 0 : System.nanoTime() + config.warmup().toNanos();
    long end = config.duration() == null ? Long.MAX_VALUE : warmupEnd + config.duration().toNanos();
    AtomicLong issued = new AtomicLong();
    ExecutorService users = Executors.newFixedThreadPool(config.users());
    for (int u = 0; u < config.users(); u++) {
      SplittableRandom random = new SplittableRandom(u * 7919L + 1);
      users.execute(
          () -> {
            while (true) {
              long n = issued.getAndIncrement();
              long now = System.nanoTime();
              if ((total > 0 && n >= total) || now >= end) {
                return;
              }
              boolean measured = total > 0 ? n >= config.warmupRequests() : now >= warmupEnd;
              Step step = config.scenario().pick(random);
              sent.incrementAndGet();
              long t0 = System.nanoTime();
              try {
                Outcome o = execute(step).get();
                if (measured) {
                  recorder.record(step.name(), t0, o.endNanos, o.status, o.error);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              } catch (Exception e) {
                if (measured) {
                  recorder.record(
                      step.name(), t0, System.nanoTime(), 0, String.valueOf(e.getCause()));
                }
              }
            }
          });
    }
    users.shutdown();
    users.awaitTermination(365, TimeUnit.DAYS);
  }

  private void open() throws InterruptedException {
    long period = Math.round(1e9 / config.rate());
    long total = planned();
    long start = System.nanoTime();
    long warmupEnd = config.duration() == null ? start : start + config.warmup().toNanos();
    long end = config.duration() == null ? Long.MAX_VALUE : warmupEnd + config.duration().toNanos();
    Semaphore inFlight = new Semaphore(config.users());
    SplittableRandom random = new SplittableRandom(42);
    for (long i = 0; ; i++) {
      long intended = start + i * period;
      if ((total > 0 && i >= total) || intended >= end) {
        break;
      }
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      // When every slot is busy the send is late; the latency still counts from `intended`.
      inFlight.acquire();
      boolean measured = total > 0 ? i >= config.warmupRequests() : intended >= warmupEnd;
      Step step = config.scenario().pick(random);
      sent.incrementAndGet();
      execute(step)
          .whenComplete(
              (o, e) -> {
                if (measured) {
                  if (o != null) {
                    recorder.record(step.name(), intended, o.endNanos, o.status, o.error);
                  } else {
                    recorder.record(step.name(), intended, System.nanoTime(), 0, String.valueOf(e));
                  }
                }
                inFlight.release();
              });
    }
    inFlight.acquire(config.users());
  }

  private record Outcome(int status, long endNanos, String error) {}

  private CompletableFuture<Outcome> execute(Step step) {
    String path = fill(step.path());
    HttpRequest.Builder b = base(path).timeout(config.timeout());
    if (step.sse()) {
      HttpRequest r = b.header("Accept", "text/event-stream").GET().build();
      return CompletableFuture.supplyAsync(() -> watch(r), streams);
    }
    if (step.body() != null) {
      b.header("Content-Type", "application/json")
          .method(step.method(), HttpRequest.BodyPublishers.ofString(fill(step.body())));
    } else {
      b.method(step.method(), HttpRequest.BodyPublishers.noBody());
    }
    return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(
            resp -> {
              long done = System.nanoTime();
              if (step.method().equals("POST")
                  && path.startsWith("/api/v1/jobs")
                  && resp.statusCode() / 100 == 2) {
                rememberJob(resp.body());
              }
              return new Outcome(resp.statusCode(), done, null);
            })
        .exceptionally(e -> new Outcome(0, System.nanoTime(), rootMessage(e)));
  }

  /** Time to the first event; the rest of the stream is read and dropped. */
  private Outcome watch(HttpRequest r) {
    try {
      HttpResponse<InputStream> resp = http.send(r, HttpResponse.BodyHandlers.ofInputStream());
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(resp.body(), StandardCharsets.UTF_8))) {
        if (resp.statusCode() != 200) {
          return new Outcome(resp.statusCode(), System.nanoTime(), null);
        }
        long first = 0;
        for (String line; (line = in.readLine()) != null; ) {
          if (first == 0 && line.startsWith("data:")) {
            first = System.nanoTime();
          }
        }
        return new Outcome(
            first == 0 ? 0 : 200,
            first == 0 ? System.nanoTime() : first,
            first == 0 ? "stream ended without an event" : null);
      }
    } catch (IOException e) {
      return new Outcome(0, System.nanoTime(), rootMessage(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(0, System.nanoTime(), "interrupted");
    }
  }

  private void rememberJob(String body) {
    try {
      String id = JSON.readTree(body).path("id").asText(null);
      if (id != null) {
        lastJob.set(id);
      }
    } catch (IOException ignored) {
      // not a job answer; nothing to remember
    }
  }

  private String fill(String text) {
    String s = text.replace("{job}", lastJob.get());
    for (Map.Entry<String, String> a : assets.entrySet()) {
      s = s.replace("{" + a.getKey() + "}", a.getValue());
    }
    return s;
  }

  private HttpRequest.Builder base(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.baseUrl() + path));
    if (config.token() != null) {
      b.header("Authorization", "Bearer " + config.token());
    }
    return b;
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** Progress as a fraction 0-1 for a bar; {@code elapsedNanos} drives time-bounded runs. */
  public double fraction(long elapsedNanos) {
    if (planned() > 0) {
      return Math.min(1, sent.get() / (double) planned());
    }
    long all = config.warmup().toNanos() + config.duration().toNanos();
    return Math.min(1, elapsedNanos / (double) all);
  }
}
