package dev.omnivibe.app.gui.queue;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobState;
import java.nio.file.Path;
import java.time.Instant;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One job as the queue table shows it; updated in place so the table keeps its selection. */
public final class JobRow {
  private final String id;
  private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
  private final StringProperty queue = new SimpleStringProperty();
  private final IntegerProperty priority = new SimpleIntegerProperty();
  private final ObjectProperty<JobState> state = new SimpleObjectProperty<>();
  private final DoubleProperty progress = new SimpleDoubleProperty();
  private final DoubleProperty etaSeconds = new SimpleDoubleProperty(Double.NaN);
  private final StringProperty phase = new SimpleStringProperty("");
  private final StringProperty encoder = new SimpleStringProperty("");
  private final StringProperty detail = new SimpleStringProperty("");
  private final DoubleProperty elapsedSeconds = new SimpleDoubleProperty(Double.NaN);
  private final StringProperty by = new SimpleStringProperty("");
  private final StringProperty node = new SimpleStringProperty("");
  private Job job;

  JobRow(Job job) {
    this.id = job.id();
    update(job, null);
  }

  /** Takes the job's new state; {@code progress} is null when the event carried none. */
  void update(Job next, JobProgress p) {
    job = next;
    name.set(next.name());
    queue.set(next.queue().id());
    priority.set(next.priority());
    state.set(next.state());
    if (next.state() == JobState.SUCCEEDED) {
      progress.set(1);
      etaSeconds.set(0);
      phase.set(next.cached() ? "from cache" : "done");
    } else if (p != null && next.state() == JobState.RUNNING) {
      progress.set(Math.max(0, Math.min(1, p.percent() / 100)));
      etaSeconds.set(p.etaSeconds());
      phase.set(p.phase());
    } else if (next.state() != JobState.RUNNING) {
      progress.set(next.state() == JobState.QUEUED ? 0 : progress.get());
      phase.set("");
    }
    if (next.result() != null && next.result().encoder() != null) {
      encoder.set(next.result().encoder());
    }
    by.set(submitter(next.submittedBy()));
    // The node of the latest attempt; every attempt's is in the job's API document.
    node.set(next.nodes().isEmpty() ? "" : next.nodes().get(next.nodes().size() - 1));
    detail.set(
        next.error() != null
            ? next.error().message()
            : next.isFollower() ? "same render as job " + next.mergedInto().substring(0, 8) : "");
  }

  /** Who submitted it, in words: this workstation, the API's owner token, or a token's id. */
  static String submitter(String submittedBy) {
    return switch (submittedBy) {
      case Job.LOCAL -> "this workstation";
      case "owner" -> "API (owner)";
      default -> "API token " + submittedBy.substring(0, Math.min(8, submittedBy.length()));
    };
  }

  void tick(Instant now) {
    Instant start = job.startedAt();
    if (start == null) {
      elapsedSeconds.set(Double.NaN);
      return;
    }
    Instant end = job.state().isTerminal() && job.finishedAt() != null ? job.finishedAt() : now;
    elapsedSeconds.set(Math.max(0, end.toEpochMilli() - start.toEpochMilli()) / 1000.0);
  }

  public String id() {
    return id;
  }

  public Job job() {
    return job;
  }

  /** The finished file, when the job produced one. */
  public Path output() {
    return job.result() != null && job.result().output() != null
        ? Path.of(job.result().output())
        : null;
  }

  public javafx.beans.property.ReadOnlyStringProperty nameProperty() {
    return name.getReadOnlyProperty();
  }

  public StringProperty queueProperty() {
    return queue;
  }

  public IntegerProperty priorityProperty() {
    return priority;
  }

  public ObjectProperty<JobState> stateProperty() {
    return state;
  }

  public DoubleProperty progressProperty() {
    return progress;
  }

  public DoubleProperty etaSecondsProperty() {
    return etaSeconds;
  }

  public StringProperty phaseProperty() {
    return phase;
  }

  public StringProperty byProperty() {
    return by;
  }

  public StringProperty nodeProperty() {
    return node;
  }

  public StringProperty encoderProperty() {
    return encoder;
  }

  public StringProperty detailProperty() {
    return detail;
  }

  public DoubleProperty elapsedSecondsProperty() {
    return elapsedSeconds;
  }
}
