package dev.omnivibe.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobProgress;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.Payload;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.queue.JobEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventMergerTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  final List<List<JobEvent>> batches = new ArrayList<>();
  final EventMerger merger = new EventMerger(Runnable::run, Duration.ZERO, batches::add);

  static Job job(int i) {
    return Job.queued(
        "job-" + i,
        "Job " + i,
        JobType.RENDER,
        QueueName.VIDEO,
        5,
        i,
        Payload.of(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()),
        null,
        null,
        T0);
  }

  @Test
  void hundredJobsTenUpdatesEachReachTheUiAsOneBatchWithTheLatestProgress() {
    for (int tick = 1; tick <= 10; tick++) {
      for (int i = 0; i < 100; i++) {
        Job running = job(i).to(JobState.RUNNING, T0);
        merger.onEvent(
            new JobEvent(
                JobEvent.Kind.PROGRESS,
                running,
                new JobProgress(tick * 10, 10 - tick, 1, "encode")));
      }
    }
    merger.flush();

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0)).hasSize(100);
    assertThat(batches.get(0)).allSatisfy(e -> assertThat(e.progress().percent()).isEqualTo(100));
  }

  @Test
  void aStateChangeIsNotLostBehindLaterProgress() {
    Job running = job(1).to(JobState.RUNNING, T0);
    merger.onEvent(new JobEvent(JobEvent.Kind.CHANGED, running, JobProgress.NONE));
    merger.onEvent(
        new JobEvent(JobEvent.Kind.PROGRESS, running, new JobProgress(40, 3, 1, "encode")));
    merger.flush();

    JobEvent only = batches.get(0).get(0);
    assertThat(only.kind()).isEqualTo(JobEvent.Kind.CHANGED);
    assertThat(only.progress().percent()).isEqualTo(40);
  }

  @Test
  void nothingPendingMeansNoBatch() {
    merger.flush();
    assertThat(batches).isEmpty();
  }

  @Test
  void withAWindowBatchesArriveWithoutAnExplicitFlush() throws Exception {
    List<List<JobEvent>> got = java.util.Collections.synchronizedList(new ArrayList<>());
    try (EventMerger timed = new EventMerger(Runnable::run, Duration.ofMillis(20), got::add)) {
      timed.onEvent(new JobEvent(JobEvent.Kind.CHANGED, job(1), JobProgress.NONE));
      timed.onEvent(new JobEvent(JobEvent.Kind.CHANGED, job(2), JobProgress.NONE));
      dev.omnivibe.engine.testkit.Await.until("a batch", () -> !got.isEmpty());
    }
    assertThat(got.get(0)).extracting(e -> e.job().id()).containsExactly("job-1", "job-2");
  }
}
