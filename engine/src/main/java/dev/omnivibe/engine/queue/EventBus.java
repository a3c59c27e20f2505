package dev.omnivibe.engine.queue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers job events to listeners on one thread, in the order they were published. The queue
 * publishes where a change is decided (under its lock), so every listener sees each job's events in
 * the order they happened, and may call back into the queue.
 */
final class EventBus {
  private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
  private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "omnivibe-events");
            t.setDaemon(true);
            return t;
          });

  void add(JobListener l) {
    listeners.add(l);
  }

  void remove(JobListener l) {
    listeners.remove(l);
  }

  void publish(JobEvent e) {
    try {
      thread.execute(
          () -> {
            for (JobListener l : listeners) {
              try {
                l.onEvent(e);
              } catch (RuntimeException ex) {
                LOG.warn("job listener failed on {}", e.kind(), ex);
              }
            }
          });
    } catch (RejectedExecutionException closed) {
      // the queue is shut down; nobody is listening any more
    }
  }

  /** Delivers what is already published (up to 5 s), then stops. */
  void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
