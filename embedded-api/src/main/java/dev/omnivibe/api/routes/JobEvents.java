package dev.omnivibe.api.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.job.RenderJob;
import dev.omnivibe.engine.job.UnknownJobException;
import dev.omnivibe.engine.queue.JobEvent;
import io.javalin.http.sse.SseClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * GET /api/v1/jobs/{id}/events as Server-Sent Events. Each event has a per-job sequence number as
 * its id; the last 500 events of each job are kept so a client that reconnects with {@code
 * Last-Event-ID} gets what it missed. The stream ends after the terminal state. Events are queued
 * per client and written by a pool thread, so a slow client never slows a render.
 */
public final class JobEvents implements AutoCloseable {
  private static final int KEEP = 500;
  private final Engine engine;
  private final Map<String, Log> logs = new ConcurrentHashMap<>();
  // One instance, so close() removes exactly what the constructor added.
  private final dev.omnivibe.engine.queue.JobListener listener = this::onEvent;
  // Logs of finished jobs, oldest first; only the last FINISHED_KEPT stay for late reconnects.
  private final java.util.concurrent.ConcurrentLinkedDeque<String> finished =
      new java.util.concurrent.ConcurrentLinkedDeque<>();
  private static final int FINISHED_KEPT = 1000;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final ExecutorService writers =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "omnivibe-sse");
            t.setDaemon(true);
            return t;
          });

  private record Entry(long id, String type, String data, boolean terminal) {}

  private static final class Log {
    final Deque<Entry> entries = new ArrayDeque<>();
    long next = 1;
  }

  private record Subscriber(String jobId, BlockingQueue<Entry> queue) {}

  public JobEvents(Engine engine) {
    this.engine = engine;
    engine.addListener(listener);
  }

  private void onEvent(JobEvent e) {
    RenderJob job = e.job();
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

  public void handle(SseClient client) {
    String id = client.ctx().pathParam("id");
    RenderJob job = engine.job(id).orElseThrow(() -> new UnknownJobException(id));
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
    RenderJob now = engine.job(id).orElse(job);
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
    client.keepAlive();
    long from = lastSeen;
    client.onClose(() -> subscribers.remove(sub));
    writers.execute(() -> pump(client, sub, backlog, from));
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
        Entry e = sub.queue().poll(15, TimeUnit.SECONDS);
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
      client.close();
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
    engine.removeListener(listener);
    writers.shutdownNow();
  }
}
