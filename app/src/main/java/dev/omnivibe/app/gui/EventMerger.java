package dev.omnivibe.app.gui;

import dev.omnivibe.engine.queue.JobEvent;
import dev.omnivibe.engine.queue.JobListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Merges engine events before they reach the FX thread: within one window, only the latest event
 * per job survives (a state change is never downgraded to a mere progress tick), and the whole
 * batch is handed over in one {@code ui.execute}. With 100 jobs each reporting 10 times a second
 * this is ten small runnables a second instead of a thousand.
 */
public final class EventMerger implements JobListener, AutoCloseable {
  private final Map<String, JobEvent> pending = new LinkedHashMap<>();
  private final Consumer<List<JobEvent>> sink;
  private final Executor ui;
  private final ScheduledExecutorService timer;
  private final long windowMillis;
  private boolean scheduled;

  /**
   * @param ui where {@code sink} runs ({@code Platform::runLater} in the app)
   * @param window how long events gather before a batch is handed over; zero hands over only on
   *     {@link #flush()}
   */
  public EventMerger(Executor ui, Duration window, Consumer<List<JobEvent>> sink) {
    this.ui = ui;
    this.sink = sink;
    this.windowMillis = window.toMillis();
    this.timer =
        windowMillis > 0
            ? Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "ui-event-merger");
                  t.setDaemon(true);
                  return t;
                })
            : null;
  }

  @Override
  public void onEvent(JobEvent event) {
    synchronized (pending) {
      JobEvent before = pending.get(event.job().id());
      boolean changed =
          event.kind() == JobEvent.Kind.CHANGED
              || (before != null && before.kind() == JobEvent.Kind.CHANGED);
      pending.put(
          event.job().id(),
          new JobEvent(
              changed ? JobEvent.Kind.CHANGED : JobEvent.Kind.PROGRESS,
              event.job(),
              event.progress()));
      if (timer != null && !scheduled) {
        scheduled = true;
        timer.schedule(this::flush, windowMillis, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Hands over what has gathered, if anything. */
  public void flush() {
    List<JobEvent> batch;
    synchronized (pending) {
      scheduled = false;
      if (pending.isEmpty()) {
        return;
      }
      batch = new ArrayList<>(pending.values());
      pending.clear();
    }
    ui.execute(() -> sink.accept(batch));
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
