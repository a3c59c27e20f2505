package dev.omnivibe.app.gui.queue;

import dev.omnivibe.app.gui.Async;
import dev.omnivibe.engine.Engine;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.queue.JobEvent;
import dev.omnivibe.engine.queue.QueueStatus;
import dev.omnivibe.engine.store.JobQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The queue as the window shows it. Engine calls go through {@link Async}; their results and the
 * merged engine events are applied on the UI thread, so it never blocks on the store or the queue
 * lock.
 */
public final class QueueViewModel {
  /** How many finished jobs the table loads at start. */
  static final int HISTORY = 500;

  private final Engine engine;
  private final Async async;
  private final Clock clock;
  private final ObservableList<JobRow> rows = FXCollections.observableArrayList();
  private final Map<String, JobRow> byId = new HashMap<>();
  private final FilteredList<JobRow> visible = new FilteredList<>(rows, r -> true);
  private final ObjectProperty<StateFilter> filter = new SimpleObjectProperty<>(StateFilter.ALL);
  private final DoubleProperty queueEta = new SimpleDoubleProperty(0);
  private final BooleanProperty paused = new SimpleBooleanProperty();
  private final IntegerProperty waiting = new SimpleIntegerProperty();
  private final IntegerProperty running = new SimpleIntegerProperty();
  private final StringProperty message = new SimpleStringProperty("");
  private final List<Consumer<JobRow>> finished = new CopyOnWriteArrayList<>();
  private long batches;

  public QueueViewModel(Engine engine, Async async, Clock clock) {
    this.engine = engine;
    this.async = async;
    this.clock = clock;
    filter.addListener((o, a, f) -> visible.setPredicate(r -> f.accepts(r.job().state())));
  }

  /** Loads open jobs and recent history. */
  public void load() {
    call(
        () -> engine.jobs(JobQuery.all(HISTORY)).jobs(),
        jobs -> {
          jobs.forEach(j -> upsert(j, null));
          resort();
          refresh();
        });
  }

  /** Applies one merged batch of engine events. */
  public void apply(List<JobEvent> events) {
    batches++;
    boolean reorder = false;
    for (JobEvent e : events) {
      JobRow before = byId.get(e.job().id());
      JobState was = before == null ? null : before.job().state();
      boolean progress = e.kind() == JobEvent.Kind.PROGRESS || e.job().state() == JobState.RUNNING;
      JobRow row = upsert(e.job(), progress ? e.progress() : null);
      row.tick(clock.instant());
      reorder |= e.kind() == JobEvent.Kind.CHANGED;
      if (was != null && !was.isTerminal() && e.job().state().isTerminal()) {
        finished.forEach(l -> l.accept(row));
      }
    }
    if (reorder) {
      resort();
      counts();
    }
  }

  /** Once a second: elapsed times, ETAs and the queue footer. */
  public void refresh() {
    rows.forEach(r -> r.tick(clock.instant()));
    List<String> waitingIds =
        rows.stream()
            .filter(
                r -> r.job().state() == JobState.QUEUED || r.job().state() == JobState.RETRY_WAIT)
            .map(JobRow::id)
            .toList();
    call(
        () -> {
          Map<String, Double> etas = new HashMap<>();
          for (String id : waitingIds) {
            etas.put(id, engine.etaSeconds(id));
          }
          return new Footer(engine.queues(), etas);
        },
        f -> {
          f.etas.forEach(
              (id, eta) -> {
                JobRow r = byId.get(id);
                if (r != null) {
                  r.etaSecondsProperty().set(eta);
                }
              });
          queueEta.set(
              f.queues.stream()
                  .mapToDouble(QueueStatus::etaSeconds)
                  .filter(Double::isFinite)
                  .max()
                  .orElse(0));
          paused.set(f.queues.stream().allMatch(QueueStatus::paused));
          counts();
        });
  }

  private record Footer(List<QueueStatus> queues, Map<String, Double> etas) {}

  public void togglePause() {
    boolean resume = paused.get();
    run(
        () -> {
          if (resume) {
            engine.queue().resumeAll();
          } else {
            engine.queue().pauseAll();
          }
        },
        resume
            ? "Resumed all queues"
            : "Paused all queues: running jobs finish, nothing new starts");
    paused.set(!resume);
  }

  public void cancel(JobRow row) {
    run(() -> engine.queue().cancel(row.id()), "Cancelled " + row.nameProperty().get());
  }

  public void retry(JobRow row) {
    run(() -> engine.queue().retry(row.id()), "Queued " + row.nameProperty().get() + " again");
  }

  public void changePriority(JobRow row, int priority) {
    if (priority == row.job().priority()) {
      return;
    }
    run(
        () -> engine.queue().changePriority(row.id(), priority),
        row.nameProperty().get() + " now has priority " + priority);
  }

  /**
   * Moves {@code dragged} to where {@code target} is now, among the waiting jobs of the same queue
   * and priority (the engine only reorders within a priority).
   */
  public void moveTo(JobRow dragged, JobRow target) {
    if (dragged == target) {
      return;
    }
    Job d = dragged.job();
    Job t = target.job();
    if (d.state() != JobState.QUEUED || t.state() != JobState.QUEUED) {
      message.set("Only waiting jobs can be reordered");
      return;
    }
    if (d.queue() != t.queue() || d.priority() != t.priority()) {
      message.set(
          "Jobs reorder within one queue and priority; change "
              + dragged.nameProperty().get()
              + "'s priority to "
              + t.priority()
              + " first");
      return;
    }
    List<JobRow> band = new ArrayList<>();
    for (JobRow r : rows) {
      Job j = r.job();
      if (r != dragged
          && j.state() == JobState.QUEUED
          && !j.isFollower()
          && j.queue() == d.queue()
          && j.priority() == d.priority()) {
        band.add(r);
      }
    }
    int position = band.indexOf(target);
    run(() -> engine.queue().move(d.id(), position), "Moved " + dragged.nameProperty().get());
  }

  /** The folder to open for a row: its output's folder, or the engine's outputs folder. */
  public Path outputFolder(JobRow row) {
    Path out = row == null ? null : row.output();
    return out != null && out.getParent() != null ? out.getParent() : engine.outputsDir();
  }

  public boolean canPreview(JobRow row) {
    return row != null
        && row.job().state() == JobState.SUCCEEDED
        && row.output() != null
        && java.nio.file.Files.isRegularFile(row.output());
  }

  public boolean canCancel(JobRow row) {
    return row != null && !row.job().state().isTerminal();
  }

  public boolean canRetry(JobRow row) {
    return row != null
        && (row.job().state() == JobState.FAILED || row.job().state() == JobState.CANCELLED);
  }

  /** Called with each job that finishes while the window is open (for notifications). */
  public void onFinished(Consumer<JobRow> listener) {
    finished.add(listener);
  }

  private JobRow upsert(Job job, dev.omnivibe.engine.job.JobProgress progress) {
    JobRow row = byId.get(job.id());
    if (row == null) {
      row = new JobRow(job);
      byId.put(job.id(), row);
      rows.add(row);
    }
    row.update(job, progress);
    return row;
  }

  private void resort() {
    if (!isSorted()) {
      FXCollections.sort(rows, RowOrder.ORDER);
    }
    StateFilter f = filter.get();
    visible.setPredicate(r -> f.accepts(r.job().state()));
  }

  private boolean isSorted() {
    for (int i = 1; i < rows.size(); i++) {
      if (RowOrder.ORDER.compare(rows.get(i - 1), rows.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  private void counts() {
    waiting.set(
        (int)
            rows.stream()
                .filter(
                    r ->
                        r.job().state() == JobState.QUEUED
                            || r.job().state() == JobState.RETRY_WAIT)
                .count());
    running.set((int) rows.stream().filter(r -> r.job().state() == JobState.RUNNING).count());
  }

  private void run(Runnable action, String done) {
    call(
        () -> {
          action.run();
          return done;
        },
        message::set);
  }

  private <T> void call(Async.Work<T> work, Consumer<T> then) {
    async.call(work, then, e -> message.set(e.getMessage()));
  }

  public ObservableList<JobRow> rows() {
    return visible;
  }

  public ObservableList<JobRow> allRows() {
    return rows;
  }

  public JobRow row(String id) {
    return byId.get(id);
  }

  public ObjectProperty<StateFilter> filterProperty() {
    return filter;
  }

  public DoubleProperty queueEtaProperty() {
    return queueEta;
  }

  public BooleanProperty pausedProperty() {
    return paused;
  }

  public IntegerProperty waitingProperty() {
    return waiting;
  }

  public IntegerProperty runningProperty() {
    return running;
  }

  public StringProperty messageProperty() {
    return message;
  }

  /** How many merged batches were applied (the FX thread's work, for the responsiveness test). */
  public long batches() {
    return batches;
  }
}
