package dev.omnivibe.engine.queue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.adapters.sqlite.SqliteStore;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.job.RetryPolicy;
import dev.omnivibe.engine.job.TimeLimits;
import dev.omnivibe.engine.store.Store;
import dev.omnivibe.engine.testkit.Await;
import dev.omnivibe.engine.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real queue on a real SQLite file, a hand-moved clock and a scripted handler. */
final class QueueHarness implements AutoCloseable {
  static final TimeLimits LIMITS =
      new TimeLimits(Duration.ofMinutes(55), Duration.ofMinutes(60), Duration.ofMinutes(5));
  final MutableClock clock = MutableClock.at("2026-11-24T09:00:00Z");
  final ScriptedHandler handler = new ScriptedHandler();
  final List<JobEvent> events = new CopyOnWriteArrayList<>();
  final Path db;
  Store store;
  JobQueue queue;

  QueueHarness(Path dir, int videoWorkers) {
    db = dir.resolve("omnivibe.db");
    open(videoWorkers);
  }

  void open(int videoWorkers) {
    store = SqliteStore.open(db);
    queue =
        new JobQueue(
            store,
            clock,
            Map.of(JobType.RENDER, handler, JobType.CLEANUP, handler, JobType.NARRATION, handler),
            Map.of(QueueName.VIDEO, videoWorkers),
            new SplittableRandom(42));
    queue.addListener(events::add);
  }

  /** Simulates a process that dies: workers stop without writing anything more. */
  void reopen(int videoWorkers) {
    queue.close();
    store.close();
    open(videoWorkers);
  }

  static NewJob job(String name, int priority, String... steps) {
    return job(name, JobType.RENDER, priority, RetryPolicy.DEFAULT, steps);
  }

  static NewJob job(String name, JobType type, int priority, RetryPolicy retry, String... steps) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    var arr = payload.putArray("steps");
    for (String s : steps) {
      arr.add(s);
    }
    return new NewJob(name, type, null, priority, payload, retry, LIMITS, null);
  }

  Job await(String id, JobState state) {
    return Await.value(
        "job " + id + " to be " + state,
        () -> queue.job(id).orElseThrow(),
        j -> j.state() == state);
  }

  void awaitStarted(int count) {
    Await.until(count + " starts", () -> handler.started.size() >= count);
  }

  @Override
  public void close() {
    queue.close();
    store.close();
  }
}
