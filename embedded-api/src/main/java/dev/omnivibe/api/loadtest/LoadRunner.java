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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a load test. The closed model runs {@code users} loops that each wait for their answer
 * before the next request. The open model ({@code rate > 0}) sends at fixed intended times, as wrk2
 * does, and measures every latency from the intended send time, so a server that stalls is charged
 * for the requests that queued behind the stall (coordinated-omission correction).
 *
 * <p>Requests travel over keep-alive connections on event-loop threads ({@link HttpConnections});
 * uploads and event streams, which are few and long, use the JDK's client.
 */
public final class LoadRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LoadTestConfig config;
  private final Recorder recorder = new Recorder();
  private final ClientLoad client = new ClientLoad();
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
  private final HttpClient http;
  private RequestBytes requests;

  public LoadRunner(LoadTestConfig config) {
    this.config = config;
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).executor(streams).build();
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
    int loops = Math.max(1, Math.min(config.users(), Runtime.getRuntime().availableProcessors()));
    try (HttpConnections pool =
        new HttpConnections(URI.create(config.baseUrl()), loops, config.timeout())) {
      requests = new RequestBytes(pool.hostHeader, config.token());
      List<Connection> connections = new ArrayList<>();
      for (int u = 0; u < config.users(); u++) {
        connections.add(new Connection(pool));
      }
      client.start();
      if (config.rate() > 0) {
        open(connections, pool);
      } else {
        closed(connections, pool);
      }
      client.end(pool.loopThreads());
    } finally {
      streams.shutdownNow();
    }
    String target =
        config.baseUrl()
            + (config.scenario().steps().size() == 1
                ? config.scenario().steps().get(0).path()
                : " (scenario)");
    return new LoadReport(started, recorder, config.rate(), target, client);
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

  /** One virtual user of the closed model: its connection and its own random mix. */
  private record User(Connection connection, SplittableRandom random, CountDownLatch done) {}

  private void closed(List<Connection> connections, HttpConnections pool)
      throws InterruptedException {
    long total = planned();
    long warmupEnd = config.duration() == null ? 0 : System.nanoTime() + config.warmup().toNanos();
    long end = config.duration() == null ? Long.MAX_VALUE : warmupEnd + config.duration().toNanos();
    AtomicLong issued = new AtomicLong();
    CountDownLatch done = new CountDownLatch(connections.size());
    for (int u = 0; u < connections.size(); u++) {
      User user = new User(connections.get(u), new SplittableRandom(u * 7919L + 1), done);
      pool.executor().execute(() -> next(user, issued, total, warmupEnd, end, pool));
    }
    done.await();
  }

  /** Sends the user's next request; its answer sends the one after, until the run is over. */
  private void next(
      User user, AtomicLong issued, long total, long warmupEnd, long end, HttpConnections pool) {
    long n = issued.getAndIncrement();
    long now = System.nanoTime();
    if ((total > 0 && n >= total) || now >= end) {
      user.done().countDown();
      return;
    }
    boolean measured = total > 0 ? n >= config.warmupRequests() : now >= warmupEnd;
    Step step = config.scenario().pick(user.random());
    sent.incrementAndGet();
    execute(step, user.connection())
        .whenComplete(
            (o, e) -> {
              Outcome out = o != null ? o : Outcome.failed(Outcome.rootMessage(e));
              if (measured) {
                recorder.record(step.name(), now, out.endNanos(), out.status(), out.error());
              }
              Runnable again = () -> next(user, issued, total, warmupEnd, end, pool);
              if (out.status() == 0) {
                // A refused connection answers at once; looping in place would grow the stack.
                pool.executor().execute(again);
              } else {
                again.run();
              }
            });
  }

  /** A request due at {@code intended}, waiting for a free connection. */
  private record Due(long intended, boolean measured, Step step) {}

  private void open(List<Connection> connections, HttpConnections pool)
      throws InterruptedException {
    long period = Math.round(1e9 / config.rate());
    long total = planned();
    long start = System.nanoTime();
    long warmupEnd = config.duration() == null ? start : start + config.warmup().toNanos();
    long end = config.duration() == null ? Long.MAX_VALUE : warmupEnd + config.duration().toNanos();
    Slots slots = new Slots(connections, pool);
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
      client.sent(System.nanoTime() - intended);
      boolean measured = total > 0 ? i >= config.warmupRequests() : intended >= warmupEnd;
      sent.incrementAndGet();
      slots.dispatch(new Due(intended, measured, config.scenario().pick(random)));
    }
    slots.awaitIdle();
  }

  /**
   * The open model's connections. The sender never blocks: when every connection is busy the
   * request queues, and its latency still counts from its intended time.
   */
  private final class Slots {
    private final ArrayDeque<Connection> idle;
    private final ArrayDeque<Due> waiting = new ArrayDeque<>();
    private final int size;
    private final HttpConnections pool;

    Slots(List<Connection> connections, HttpConnections pool) {
      idle = new ArrayDeque<>(connections);
      size = connections.size();
      this.pool = pool;
    }

    void dispatch(Due due) {
      Connection c;
      synchronized (this) {
        c = idle.poll();
        if (c == null) {
          waiting.add(due);
          client.waited();
          return;
        }
      }
      run(c, due);
    }

    private void run(Connection c, Due due) {
      execute(due.step(), c)
          .whenComplete(
              (o, e) -> {
                Outcome out = o != null ? o : Outcome.failed(Outcome.rootMessage(e));
                if (due.measured()) {
                  recorder.record(
                      due.step().name(), due.intended(), out.endNanos(), out.status(), out.error());
                }
                Due next;
                synchronized (this) {
                  next = waiting.poll();
                  if (next == null) {
                    idle.add(c);
                    notifyAll();
                  }
                }
                if (next != null && out.status() == 0) {
                  pool.executor().execute(() -> run(c, next)); // as in next(): no deep stacks
                } else if (next != null) {
                  run(c, next);
                }
              });
    }

    synchronized void awaitIdle() throws InterruptedException {
      while (idle.size() < size || !waiting.isEmpty()) {
        wait(50);
      }
    }
  }

  private CompletableFuture<Outcome> execute(Step step, Connection connection) {
    String path = fill(step.path());
    if (step.sse()) {
      HttpRequest r =
          base(path).timeout(config.timeout()).header("Accept", "text/event-stream").GET().build();
      return CompletableFuture.supplyAsync(() -> watch(r), streams);
    }
    boolean submit = step.method().equals("POST") && path.startsWith("/api/v1/jobs");
    String body = step.body() == null ? null : fill(step.body());
    byte[] bytes;
    try {
      bytes = requests.of(step.method(), path, body);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(Outcome.failed(e.getMessage()));
    }
    return connection
        .send(Connection.bytes(bytes), step.method().equals("HEAD"), submit)
        .thenApply(
            o -> {
              if (submit && o.status() / 100 == 2) {
                rememberJob(o.body());
              }
              return o;
            });
  }

  /** Time to the first event; the rest of the stream is read and dropped. */
  private Outcome watch(HttpRequest r) {
    try {
      HttpResponse<InputStream> resp = http.send(r, HttpResponse.BodyHandlers.ofInputStream());
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(resp.body(), StandardCharsets.UTF_8))) {
        if (resp.statusCode() != 200) {
          return new Outcome(resp.statusCode(), System.nanoTime(), null, null);
        }
        long first = 0;
        for (String line; (line = in.readLine()) != null; ) {
          if (first == 0 && line.startsWith("data:")) {
            first = System.nanoTime();
          }
        }
        return first == 0
            ? Outcome.failed("stream ended without an event")
            : new Outcome(200, first, null, null);
      }
    } catch (IOException e) {
      return Outcome.failed(Outcome.rootMessage(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.failed("interrupted");
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
    if (text.indexOf('{') < 0) {
      return text; // most steps: nothing to fill, nothing to allocate
    }
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

  /** Progress as a fraction 0-1 for a bar; {@code elapsedNanos} drives time-bounded runs. */
  public double fraction(long elapsedNanos) {
    if (planned() > 0) {
      return Math.min(1, sent.get() / (double) planned());
    }
    long all = config.warmup().toNanos() + config.duration().toNanos();
    return Math.min(1, elapsedNanos / (double) all);
  }
}
