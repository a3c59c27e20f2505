package dev.omnivibe.app.gui.queue;

import dev.omnivibe.app.gui.Formats;
import dev.omnivibe.engine.job.JobState;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.layout.StackPane;

/** A live progress bar with percent and ETA written over it. */
final class ProgressCell extends TableCell<JobRow, Number> {
  private final ProgressBar bar = new ProgressBar(0);
  private final Label text = new Label();
  private final StackPane pane = new StackPane(bar, text);

  ProgressCell() {
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.getStyleClass().add("job-progress");
    text.getStyleClass().add("job-progress-text");
  }

  @Override
  protected void updateItem(Number value, boolean empty) {
    super.updateItem(value, empty);
    JobRow row = empty ? null : getTableRow().getItem();
    if (row == null) {
      setGraphic(null);
      return;
    }
    JobState s = row.stateProperty().get();
    double p = value.doubleValue();
    bar.setProgress(s == JobState.RUNNING && p <= 0 ? ProgressBar.INDETERMINATE_PROGRESS : p);
    text.setText(
        switch (s) {
          case RUNNING ->
              String.format("%.0f %%", p * 100)
                  + " · "
                  + Formats.duration(row.etaSecondsProperty().get())
                  + " left";
          case QUEUED, RETRY_WAIT ->
              "starts in " + Formats.duration(row.etaSecondsProperty().get());
          case SUCCEEDED -> "100 %";
          default -> "";
        });
    setGraphic(pane);
  }
}
