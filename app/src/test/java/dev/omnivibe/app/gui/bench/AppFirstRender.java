package dev.omnivibe.app.gui.bench;

import dev.omnivibe.app.gui.DesktopApp;
import dev.omnivibe.app.gui.queue.JobRow;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first render in the desktop app against a warm one, as a user meets them: the real {@link
 * DesktopApp} opens a deck (what {@code omnivibe DECK.json} does), the robot presses "Submit
 * render", waits for the job, lengthens the first slide by half a second (new content, so no cached
 * result answers it), and submits again. Prints {@code {"first": s, "warm": s, "ready": s}}: each
 * job's render time as the queue shows it, and when the submit button first answered.
 *
 * <p>{@code AppFirstRender DECK.json} with the folders in {@code XDG_*} or {@code OMNIVIBE_HOME}.
 */
public final class AppFirstRender {
  private AppFirstRender() {}

  public static void main(String[] a) throws Exception {
    long start = System.nanoTime();
    Thread app = new Thread(() -> DesktopApp.open(Path.of(a[0])), "desktop-app");
    app.setDaemon(true);
    app.start();
    FxRobot robot = new FxRobot();
    waitFor("the deck in the editor", 120, () -> enabled(robot, "#submit-render"));
    double ready = (System.nanoTime() - start) / 1e9;
    double first = render(robot, 0);
    robot.interact(
        () -> {
          TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
          tabs.getTabs().stream()
              .filter(t -> "tab-editor".equals(t.getId()))
              .findFirst()
              .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
    TextField duration = robot.lookup(".slide-duration").queryAs(TextField.class);
    String longer = Double.toString(Double.parseDouble(duration.getText().trim()) + 0.5);
    robot.interact(() -> duration.setText(longer));
    waitFor("the edited deck to be accepted", 60, () -> enabled(robot, "#submit-render"));
    double warm = render(robot, 1);
    System.out.printf("{\"first\": %.3f, \"warm\": %.3f, \"ready\": %.3f}%n", first, warm, ready);
    Platform.runLater(Platform::exit);
    app.join(TimeUnit.SECONDS.toMillis(30));
    System.exit(0);
  }

  /** Submits from the editor and returns the render time of the job that appears. */
  private static double render(FxRobot robot, int n) {
    TableView<?> table = robot.lookup("#queue-table").queryAs(TableView.class);
    java.util.Set<String> before = new java.util.HashSet<>();
    rows(table).forEach(r -> before.add(r.id()));
    robot.interact(() -> robot.lookup("#submit-render").queryAs(Button.class).fire());
    JobRow[] row = new JobRow[1];
    waitFor(
        "job " + (n + 1) + " in the queue",
        30,
        () -> {
          rows(table).stream()
              .filter(r -> !before.contains(r.id()))
              .findFirst()
              .ifPresent(r -> row[0] = r);
          return row[0] != null;
        });
    waitFor("job " + (n + 1) + " to finish", 600, () -> row[0].stateProperty().get().isTerminal());
    Job job = row[0].job();
    if (job.state() != JobState.SUCCEEDED) {
      throw new IllegalStateException("the render failed: " + job.error());
    }
    return Duration.between(job.startedAt(), job.finishedAt()).toMillis() / 1e3;
  }

  @SuppressWarnings("unchecked")
  private static List<JobRow> rows(TableView<?> table) {
    return List.copyOf((List<JobRow>) table.getItems());
  }

  private static boolean enabled(FxRobot robot, String id) {
    return robot.lookup(id).tryQuery().map(b -> !b.isDisabled()).orElse(false);
  }

  private static void waitFor(String what, int seconds, Callable<Boolean> ok) {
    try {
      WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, ok);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("timed out waiting for " + what, e);
    }
  }
}
