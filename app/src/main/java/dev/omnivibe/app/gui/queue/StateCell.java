package dev.omnivibe.app.gui.queue;

import dev.omnivibe.engine.job.JobState;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/** The state as an icon and a word; the icon's colour comes from the theme ({@code .state-x}). */
final class StateCell extends TableCell<JobRow, JobState> {
  @Override
  protected void updateItem(JobState s, boolean empty) {
    super.updateItem(s, empty);
    getStyleClass().removeIf(c -> c.startsWith("state-"));
    if (empty || s == null) {
      setText(null);
      setGraphic(null);
      return;
    }
    Label icon = new Label(icon(s));
    icon.getStyleClass().add("state-icon");
    getStyleClass().add("state-" + s.name().toLowerCase(java.util.Locale.ROOT));
    setGraphic(icon);
    setText(label(s));
  }

  static String icon(JobState s) {
    return switch (s) {
      case QUEUED -> "◷";
      case RUNNING -> "▶";
      case RETRY_WAIT -> "↻";
      case SUCCEEDED -> "✔";
      case FAILED -> "✖";
      case CANCELLED -> "■";
    };
  }

  static String label(JobState s) {
    return switch (s) {
      case QUEUED -> "Waiting";
      case RUNNING -> "Rendering";
      case RETRY_WAIT -> "Retrying soon";
      case SUCCEEDED -> "Done";
      case FAILED -> "Failed";
      case CANCELLED -> "Cancelled";
    };
  }
}
