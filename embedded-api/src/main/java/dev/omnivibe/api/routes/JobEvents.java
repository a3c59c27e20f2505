package dev.omnivibe.api.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.api.ApiException;
import dev.omnivibe.api.http.Gate;
import dev.omnivibe.api.json.JobJson;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.queue.JobEvent;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * GET /api/v1/jobs/{id}/events as Server-Sent Events. Each event has a per-job sequence number as
 * its id; the last 500 events of each job are kept so a client that reconnects with {@code
 * Last-Event-ID} gets what it missed. The stream ends after the terminal state. Events are queued
 * per client and written by the request's thread, so a slow client never slows a render.
 */
public final class JobEvents implements AutoCloseable {
  private static final int KEEP = 500;
  private static final int KEEP_ALIVE_SECONDS = 5;
  private final Engine engine;
  private final Map<String, Log> logs = new ConcurrentHashMap<>();
  // One instance, so close() removes exactly what the constructor added.
  private final dev.omnivibe.engine.queue.JobListener listener = this::onEvent;
  // Logs of finished jobs, oldest first; only the last FINISHED_KEPT stay for late reconnects.
  private final java.util.concurrent.ConcurrentLinkedDeque<String> finished =
      new java.util.concurrent.ConcurrentLinkedDeque<>();
  private static final int FINISHED_KEPT = 1000;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

  private record Entry(long id, String type, String data, boolean terminal) {}

  private static final class Log {
    final Deque<Entry> entries = new ArrayDeque<>();
    long next = 1;
  }

  private record Subscriber(String jobId, BlockingQueue<Entry> queue) {}

  private final int perCaller;
  private final int inTotal;
  private final Map<String, java.util.concurrent.atomic.AtomicInteger> open =
      new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger total =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * @param perCaller open streams one token may hold
   * @param inTotal open streams on this node
   */
  public JobEvents(Engine engine, int perCaller, int inTotal) {
    this.engine = engine;
    this.perCaller = perCaller;
    this.inTotal = inTotal;
    engine.queue().addListener(listener);
  }

  /**
   * GET /api/v1/jobs/{id}/events. Everything that can be refused is refused before the stream
   * starts, as problem+json: a job this caller may not see (404), a client that takes neither
   * {@code text/event-stream} nor a wildcard (406), and too many open streams (429).
   */
  public void handle(Context ctx) {
    Job job = JobRoutes.find(engine, ctx);
    if (!acceptsEvents(ctx.header("Accept"))) {
      throw new ApiException(
          406,
          "Not acceptable",
          "this endpoint answers text/event-stream; send Accept: text/event-stream");
    }
    String caller = Gate.caller(ctx).tokenKey();
    var mine = open.computeIfAbsent(caller, k -> new java.util.concurrent.atomic.AtomicInteger());
    if (mine.incrementAndGet() > perCaller) {
      mine.decrementAndGet();
      throw streams("this token already has " + perCaller + " event streams open");
    }
    if (total.incrementAndGet() > inTotal) {
      total.decrementAndGet();
      mine.decrementAndGet();
      throw streams("the node already has " + inTotal + " event streams open");
    }
    var res = ctx.res();
    res.setStatus(200);
    res.setCharacterEncoding("UTF-8");
    res.setContentType("text/event-stream");
    res.addHeader("Cache-Control", "no-cache");
    res.addHeader("X-Accel-Buffering", "no");
    try {
      res.flushBuffer();
    } catch (java.io.IOException e) {
      release(mine);
      return; // the client went away before the first byte
    }
    // The stream is written on this request's own thread until the job ends or the client goes
    // away: the response stays this request's for the whole stream, and the open-stream limits
    // bound how many threads streams hold.
    SseClient client = new SseClient(ctx);
    try {
      stream(client, job);
    } finally {
      release(mine);
    }
  }

  private void release(java.util.concurrent.atomic.AtomicInteger mine) {
    mine.decrementAndGet();
    total.decrementAndGet();
  }

  private static ApiException streams(String why) {
    return new ApiException(429, "Too many streams", why + "; close one first");
  }

  /** {@code text/event-stream} (with any parameters), {@code text/*}, {@code *}{@code /*}, none. */
  static boolean acceptsEvents(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    for (String part : accept.split(",")) {
      String[] media = part.trim().split(";");
      String type = media[0].trim().toLowerCase(java.util.Locale.ROOT);
      boolean refused = false;
      for (int i = 1; i < media.length; i++) {
        refused |= media[i].trim().replace(" ", "").matches("q=0(\\.0*)?");
      }
      if (!refused
          && (type.equals("text/event-stream") || type.equals("text/*") || type.equals("*/*"))) {
        return true;
      }
    }
    return false;
  }

  private void onEvent(JobEvent e) {
    Job job = e.job();
    String type = e.kind() == JobEvent.Kind.PROGRESS ? "progress" : "state";
    ObjectNode data = JobJson.of(job, e.progress());
    Entry entry;
    Log log = logs.computeIfAbsent(job.id(), k -> new Log());
    synchronized (log) {
      boolean terminal = job.state().isTerminal() && e.kind() == JobEvent.Kind.CHANGED;
      entry = new Entry(log.next++, type, data.toString(), terminal);
      log.entries.addLast(entry);
      if (log.entries.size() > KEEP) {
        log.entries.removeFirst();
      }
    }
    if (entry.terminal()) {
      finished.addLast(job.id());
      while (finished.size() > FINISHED_KEPT) {
        String old = finished.pollFirst();
        if (old != null) {
          logs.remove(old);
        }
      }
    }
    for (Subscriber s : subscribers) {
      if (s.jobId().equals(job.id())) {
        s.queue().offer(entry);
      }
    }
  }

  private void stream(SseClient client, Job job) {
    String id = job.id();
    long after = parse(client.ctx().header("Last-Event-ID"));
    Subscriber sub = new Subscriber(id, new LinkedBlockingQueue<>());
    subscribers.add(sub);
    List<Entry> backlog = new ArrayList<>();
    Log log = logs.get(id);
    long lastSeen = 0;
    if (log != null) {
      synchronized (log) {
        if (after >= 0) {
          log.entries.stream().filter(e -> e.id() > after).forEach(backlog::add);
        }
        lastSeen = log.next - 1;
      }
    }
    Job now = engine.job(id).orElse(job);
    if (after < 0 || (backlog.isEmpty() && now.state().isTerminal())) {
      // A new client (or one that missed nothing of a finished job) starts from the current state.
      backlog.clear();
      backlog.add(
          new Entry(
              lastSeen,
              "state",
              JobJson.of(now, engine.progress(id)).toString(),
              now.state().isTerminal()));
    }
    pump(client, sub, backlog, lastSeen);
  }

  private void pump(SseClient client, Subscriber sub, List<Entry> backlog, long lastSent) {
    try {
      for (Entry e : backlog) {
        client.sendEvent(e.type(), e.data(), String.valueOf(e.id()));
        if (e.terminal()) {
          return;
        }
      }
      while (!client.terminated()) {
        // A comment every few seconds keeps proxies from closing an idle stream, and is how a
        // client that went away is noticed (writing fails), which frees its place.
        Entry e = sub.queue().poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        if (e == null) {
          client.sendComment("keep-alive");
          continue;
        }
        if (e.id() <= lastSent) {
          continue; // already sent from the backlog
        }
        client.sendEvent(e.type(), e.data(), String.valueOf(e.id()));
        if (e.terminal()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      subscribers.remove(sub);
    }
  }

  private static long parse(String lastEventId) {
    if (lastEventId == null) {
      return -1;
    }
    try {
      return Long.parseLong(lastEventId.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    engine.queue().removeListener(listener);
  }
}
