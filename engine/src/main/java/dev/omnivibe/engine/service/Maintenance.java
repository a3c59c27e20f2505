package dev.omnivibe.engine.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.Priority;
import dev.omnivibe.engine.monitor.PerformanceMonitor;
import dev.omnivibe.engine.queue.JobEvent;
import dev.omnivibe.engine.queue.JobListener;
import dev.omnivibe.engine.queue.JobQueue;
import dev.omnivibe.engine.queue.NewJob;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's timers: the queue's clock tick (retries, time limits), the metrics flush, and the
 * periodic clean-up job. Tests turn the timers off and tick by hand.
 */
public final class Maintenance implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
  private final JobQueue queue;
  private final PerformanceMonitor monitor;
  private final Calibration calibration;
  private ScheduledExecutorService timer;

  /**
   * @param calibration measures render costs once in the background, or warms the render path up
   *     until the first job starts; null for none
   */
  public Maintenance(JobQueue queue, PerformanceMonitor monitor, Calibration calibration) {
    this.queue = queue;
    this.monitor = monitor;
    this.calibration = calibration;
  }

  /**
   * @param tickEvery null: no timers at all (the caller ticks)
   * @param cleanupEvery null: clean-ups only when asked
   */
  public void start(Duration tickEvery, Duration cleanupEvery) {
    if (calibration != null) {
      queue.addListener(
          new JobListener() {
            @Override
            public void onEvent(JobEvent e) {
              if (e.kind() == JobEvent.Kind.CHANGED
                  && e.job().state() == JobState.RUNNING
                  && e.job().type() != JobType.CLEANUP) {
                calibration.yieldToJobs();
                queue.removeListener(this);
              }
            }
          });
      Thread t = new Thread(calibration::run, "omnivibe-calibration");
      t.setDaemon(true);
      t.setPriority(Thread.MIN_PRIORITY);
      t.start();
    }
    if (tickEvery == null) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "omnivibe-timer");
              t.setDaemon(true);
              return t;
            });
    long every = tickEvery.toMillis();
    timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(monitor::flush, 10, 10, TimeUnit.SECONDS);
    if (cleanupEvery != null) {
      long cleanup = cleanupEvery.toMillis();
      timer.scheduleWithFixedDelay(this::scheduledCleanup, cleanup, cleanup, TimeUnit.MILLISECONDS);
    }
  }

  public void tick() {
    try {
      queue.tick();
    } catch (RuntimeException e) {
      LOG.warn("queue tick failed", e);
    }
  }

  /** Queues a clean-up now; an open one is joined rather than queued twice. */
  public Job cleanup() {
    return queue.submit(
        new NewJob(
            "Clean-up",
            JobType.CLEANUP,
            null,
            Priority.DEFAULT,
            JsonNodeFactory.instance.objectNode(),
            null,
            null,
            "maintenance/cleanup"));
  }

  private void scheduledCleanup() {
    try {
      cleanup();
    } catch (RuntimeException e) {
      LOG.warn("cannot queue the scheduled clean-up: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    if (calibration != null) {
      calibration.close();
    }
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
