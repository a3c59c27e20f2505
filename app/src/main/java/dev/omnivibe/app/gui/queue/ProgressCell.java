package dev.omnivibe.app.gui.queue;

import dev.omnivibe.app.gui.Formats;
import dev.omnivibe.engine.job.JobState;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.layout.StackPane;

/** A live progress bar with percent and ETA written over it. */
final class ProgressCell extends TableCell<JobRow, ProgressCell.Shown> {
  /** What the cell draws; a new value whenever progress, ETA or state changes. */
  record Shown(double progress, double etaSeconds, JobState state) {}

  private final ProgressBar bar = new ProgressBar(0);
  private final Label text = new Label();
  private final StackPane pane = new StackPane(bar, text);

  ProgressCell() {
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.getStyleClass().add("job-progress");
    text.getStyleClass().add("job-progress-text");
  }

  static ObservableValue<Shown> of(JobRow r) {
    return Bindings.createObjectBinding(
        () ->
            new Shown(
                r.progressProperty().get(), r.etaSecondsProperty().get(), r.stateProperty().get()),
        r.progressProperty(),
        r.etaSecondsProperty(),
        r.stateProperty());
  }

  @Override
  protected void updateItem(Shown s, boolean empty) {
    super.updateItem(s, empty);
    if (empty || s == null) {
      setGraphic(null);
      return;
    }
    double p = s.progress();
    bar.setProgress(
        s.state() == JobState.RUNNING && p <= 0 ? ProgressBar.INDETERMINATE_PROGRESS : p);
    text.setText(
        switch (s.state()) {
          case RUNNING ->
              String.format("%.0f %%", p * 100)
                  + " · "
                  + Formats.duration(s.etaSeconds())
                  + " left";
          case QUEUED, RETRY_WAIT -> "done in about " + Formats.duration(s.etaSeconds());
          case SUCCEEDED -> "100 %";
          default -> "";
        });
    setGraphic(pane);
  }
}
