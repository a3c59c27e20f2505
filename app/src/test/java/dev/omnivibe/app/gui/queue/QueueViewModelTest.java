package dev.omnivibe.app.gui.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.app.gui.Async;
import dev.omnivibe.app.gui.EventMerger;
import dev.omnivibe.app.gui.GuiFixture;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.testkit.Await;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue view-model against a real engine; events arrive through the real merger. */
class QueueViewModelTest {
  GuiFixture fx;
  QueueViewModel vm;
  EventMerger merger;

  @BeforeEach
  void open() {
    fx = GuiFixture.open();
    fx.engine.queue().pauseAll();
    vm = new QueueViewModel(fx.engine, Async.direct(), Clock.systemUTC());
    merger = new EventMerger(Runnable::run, Duration.ZERO, vm::apply);
    fx.engine.queue().addListener(merger);
  }

  @AfterEach
  void close() {
    merger.close();
    fx.close();
  }

  /** Waits until the engine's event thread delivered what the condition needs. */
  void sync(String what, java.util.function.BooleanSupplier ok) {
    Await.until(
        what,
        () -> {
          merger.flush();
          return ok.getAsBoolean();
        });
  }

  List<String> names() {
    return vm.rows().stream().map(r -> r.nameProperty().get()).toList();
  }

  @Test
  void showsWaitingJobsInTheOrderTheyWillRun() throws Exception {
    fx.submit("low", 2, 1.0);
    fx.submit("urgent", 9, 1.1);
    fx.submit("normal", 5, 1.2);
    fx.submit("normal later", 5, 1.3);

    vm.load();

    assertThat(names()).containsExactly("urgent", "normal", "normal later", "low");
    assertThat(vm.waitingProperty().get()).isEqualTo(4);
    assertThat(vm.pausedProperty().get()).isTrue();
    assertThat(vm.queueEtaProperty().get()).isPositive();
    assertThat(vm.allRows())
        .allSatisfy(r -> assertThat(r.etaSecondsProperty().get()).isFinite().isPositive());
  }

  @Test
  void dragReordersWithinAPriorityAndExplainsWhyNotAcrossOne() throws Exception {
    Job a = fx.submit("a", 5, 1.0);
    fx.submit("b", 5, 1.1);
    Job c = fx.submit("c", 5, 1.2);
    Job low = fx.submit("low", 1, 1.3);
    vm.load();

    vm.moveTo(vm.row(c.id()), vm.row(a.id()));
    sync("c moved first", () -> names().equals(List.of("c", "a", "b", "low")));
    assertThat(fx.engine.queue().waitingJobs(dev.omnivibe.engine.job.QueueName.VIDEO).get(0).id())
        .isEqualTo(c.id());

    vm.moveTo(vm.row(low.id()), vm.row(a.id()));
    assertThat(vm.messageProperty().get()).contains("priority");
    assertThat(names()).containsExactly("c", "a", "b", "low");
  }

  @Test
  void priorityEditsCancelAndFilterGoThroughTheEngine() throws Exception {
    Job a = fx.submit("a", 5, 1.0);
    Job b = fx.submit("b", 5, 1.1);
    vm.load();

    vm.changePriority(vm.row(b.id()), 8);
    sync("b first", () -> names().get(0).equals("b"));
    assertThat(fx.engine.job(b.id()).orElseThrow().priority()).isEqualTo(8);

    vm.cancel(vm.row(a.id()));
    sync("a cancelled", () -> vm.row(a.id()).stateProperty().get() == JobState.CANCELLED);
    assertThat(vm.canRetry(vm.row(a.id()))).isTrue();
    vm.filterProperty().set(StateFilter.ACTIVE);
    assertThat(names()).containsExactly("b");
    vm.filterProperty().set(StateFilter.CANCELLED);
    assertThat(names()).containsExactly("a");
  }

  @Test
  void aFinishedRenderNotifiesOnceAndCanBePreviewed() throws Exception {
    Job a = fx.submit("a", 5, 1.0);
    vm.load();
    List<JobRow> finished = new ArrayList<>();
    vm.onFinished(finished::add);
    List<Double> progress = new ArrayList<>();
    vm.row(a.id()).progressProperty().addListener((o, x, y) -> progress.add(y.doubleValue()));

    vm.togglePause();
    sync("done", () -> vm.row(a.id()).stateProperty().get() == JobState.SUCCEEDED);

    JobRow row = vm.row(a.id());
    assertThat(finished).containsExactly(row);
    assertThat(progress).last().isEqualTo(1.0);
    assertThat(row.encoderProperty().get()).isNotBlank();
    assertThat(row.byProperty().get()).isEqualTo("this workstation");
    assertThat(row.nodeProperty().get()).as("the node that ran it").isNotBlank();
    assertThat(row.nodeProperty().get()).isEqualTo(row.job().nodes().get(0));
    assertThat(vm.canPreview(row)).isTrue();
    assertThat(Files.isRegularFile(row.output())).isTrue();
    assertThat(vm.outputFolder(row)).isEqualTo(row.output().getParent());
    assertThat(row.elapsedSecondsProperty().get()).isGreaterThanOrEqualTo(0);
    assertThat(vm.batches()).isPositive();
  }

  @Test
  void aRefusedCommandSaysWhyAndChangesNothing() throws Exception {
    Job a = fx.submit("a", 5, 1.0);
    vm.load();
    vm.retry(vm.row(a.id()));
    assertThat(vm.messageProperty().get()).isNotBlank();
    assertThat(fx.engine.job(a.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
  }
}
