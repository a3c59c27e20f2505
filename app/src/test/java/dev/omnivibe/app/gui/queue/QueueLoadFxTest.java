package dev.omnivibe.app.gui.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.app.gui.Async;
import dev.omnivibe.app.gui.EventMerger;
import dev.omnivibe.app.gui.GuiFixture;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.Payload;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.queue.JobEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 100 running jobs each reporting progress 10 times a second, into the real queue table: the FX
 * thread gets merged batches (not one runnable per event) and keeps serving other work.
 */
class QueueLoadFxTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  GuiFixture fx;
  QueueViewModel vm;
  EventMerger merger;

  @BeforeEach
  void open() throws Exception {
    fx = GuiFixture.open();
    vm = new QueueViewModel(fx.engine, Async.forFx(), Clock.systemUTC());
    merger = new EventMerger(Platform::runLater, Duration.ofMillis(100), vm::apply);
    Stage stage = FxToolkit.registerPrimaryStage();
    FxToolkit.setupFixture(
        () -> {
          stage.setScene(new Scene(new QueueView(vm, p -> {}, r -> {}), 1200, 800));
          stage.show();
        });
  }

  @AfterEach
  void close() throws Exception {
    merger.close();
    FxToolkit.cleanupStages();
    fx.close();
  }

  @Test
  void aThousandEventsASecondArriveAsAFewBatchesAndTheUiStaysFree() throws Exception {
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Job queued =
          Job.queued(
              "job-" + i,
              "Render " + i,
              JobType.RENDER,
              QueueName.VIDEO,
              5,
              i,
              Payload.of(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()),
              null,
              null,
              T0);
      jobs.add(queued.to(JobState.RUNNING, T0));
    }
    jobs.forEach(j -> merger.onEvent(new JobEvent(JobEvent.Kind.CHANGED, j, JobProgress.NONE)));

    int ticks = 30; // 3 seconds at 10 updates per job per second
    long events = 0;
    for (int t = 1; t <= ticks; t++) {
      long tickStart = System.nanoTime();
      for (Job j : jobs) {
        merger.onEvent(
            new JobEvent(
                JobEvent.Kind.PROGRESS,
                j,
                new JobProgress(t * 100.0 / ticks, ticks - t, 1, "encode")));
        events++;
      }
      // The FX thread must still answer other work while the table updates (fails on timeout).
      WaitForAsyncUtils.asyncFx(() -> {}).get(5, TimeUnit.SECONDS);
      long rest = 100 - (System.nanoTime() - tickStart) / 1_000_000;
      if (rest > 0) {
        Thread.sleep(rest);
      }
    }
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () ->
            vm.allRows().size() == 100
                && vm.allRows().stream().allMatch(r -> r.progressProperty().get() == 1.0));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(events).isEqualTo(3000);
    // One batch per 100 ms window, give or take timer jitter; never one per event.
    assertThat(vm.batches()).isBetween(5L, 3L * ticks);
    assertThat(vm.rows()).hasSize(100);
  }
}
