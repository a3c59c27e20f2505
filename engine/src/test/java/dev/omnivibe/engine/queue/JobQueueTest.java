package dev.omnivibe.engine.queue;

import static dev.omnivibe.engine.queue.QueueHarness.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnivibe.engine.job.FailureKind;
import dev.omnivibe.engine.job.IllegalTransitionException;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobBuilder;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.job.RetryPolicy;
import dev.omnivibe.engine.job.UnknownJobException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobQueueTest {
  @TempDir Path dir;
  QueueHarness h;

  QueueHarness harness(int workers) {
    h = new QueueHarness(dir, workers);
    h.queue.start();
    return h;
  }

  @AfterEach
  void close() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void higherPriorityRunsFirstAndEqualPrioritiesInSubmissionOrder() {
    harness(1).queue.pause(QueueName.VIDEO);
    h.queue.submit(job("low-1", 1, "ok"));
    h.queue.submit(job("mid-1", 5, "ok"));
    h.queue.submit(job("top", 9, "ok"));
    h.queue.submit(job("mid-2", 5, "ok"));
    h.queue.submit(job("low-2", 1, "ok"));
    h.queue.submit(job("zero", 0, "ok"));
    assertThat(h.queue.waitingJobs(QueueName.VIDEO))
        .extracting(Job::name)
        .containsExactly("top", "mid-1", "mid-2", "low-1", "low-2", "zero");
    h.queue.resume(QueueName.VIDEO);
    h.awaitStarted(6);
    assertThat(h.handler.started)
        .containsExactly("top", "mid-1", "mid-2", "low-1", "low-2", "zero");
  }

  @Test
  void jobsAreRoutedByTypeOrByTheQueueNamed() {
    harness(1);
    Job render = h.queue.submit(job("r", 5, "ok"));
    Job cleanup = h.queue.submit(job("c", JobType.CLEANUP, 5, RetryPolicy.DEFAULT, "ok"));
    NewJob named = job("n", 5, "ok");
    Job explicit =
        h.queue.submit(
            new NewJob(
                "n",
                JobType.RENDER,
                QueueName.AUDIO,
                5,
                named.payload(),
                null,
                null,
                null,
                Job.LOCAL));
    assertThat(render.queue()).isEqualTo(QueueName.VIDEO);
    assertThat(cleanup.queue()).isEqualTo(QueueName.MAINTENANCE);
    assertThat(explicit.queue()).isEqualTo(QueueName.AUDIO);
    h.await(render.id(), JobState.SUCCEEDED);
    h.await(cleanup.id(), JobState.SUCCEEDED);
    h.await(explicit.id(), JobState.SUCCEEDED);
  }

  @Test
  void pausingAQueueHoldsItsJobsButNotOtherQueues() {
    harness(1).queue.pause(QueueName.VIDEO);
    Job video = h.queue.submit(job("v", 5, "ok"));
    Job maintenance = h.queue.submit(job("m", JobType.CLEANUP, 5, RetryPolicy.DEFAULT, "ok"));
    h.await(maintenance.id(), JobState.SUCCEEDED);
    assertThat(h.queue.job(video.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
    assertThat(h.queue.snapshot(QueueName.VIDEO).paused()).isTrue();
    assertThat(h.queue.snapshot(QueueName.VIDEO).depth()).isEqualTo(1);
    h.queue.resume(QueueName.VIDEO);
    h.await(video.id(), JobState.SUCCEEDED);
  }

  @Test
  void pauseAllHoldsEveryQueueUntilResumeAll() {
    harness(1).queue.pauseAll();
    Job a = h.queue.submit(job("a", 5, "ok"));
    Job b = h.queue.submit(job("b", JobType.NARRATION, 5, RetryPolicy.DEFAULT, "ok"));
    for (QueueName q : QueueName.values()) {
      assertThat(h.queue.snapshot(q).paused()).isTrue();
    }
    assertThat(h.handler.started).isEmpty();
    h.queue.resumeAll();
    h.await(a.id(), JobState.SUCCEEDED);
    h.await(b.id(), JobState.SUCCEEDED);
  }

  @Test
  void cancellingAQueuedJobTakesItOutAtOnce() {
    harness(1).queue.pause(QueueName.VIDEO);
    Job a = h.queue.submit(job("a", 5, "ok"));
    Job cancelled = h.queue.cancel(a.id());
    assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
    assertThat(h.store.job(a.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    assertThat(h.queue.waitingJobs(QueueName.VIDEO)).isEmpty();
    assertThatThrownBy(() -> h.queue.cancel(a.id()))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("CANCELLED to CANCELLED");
  }

  @Test
  void cancellingARunningJobStopsIt() {
    harness(1);
    Job a = h.queue.submit(job("a", 5, "wait"));
    h.await(a.id(), JobState.RUNNING);
    h.queue.cancel(a.id());
    Job done = h.await(a.id(), JobState.CANCELLED);
    assertThat(done.error()).isNull();
    assertThat(done.finishedAt()).isNotNull();
  }

  @Test
  void aQueuedJobCanBeReprioritisedButARunningOneCannot() {
    harness(1).queue.pause(QueueName.VIDEO);
    Job a = h.queue.submit(job("a", 2, "ok"));
    Job b = h.queue.submit(job("b", 5, "ok"));
    h.queue.changePriority(a.id(), 8);
    assertThat(h.queue.waitingJobs(QueueName.VIDEO))
        .extracting(Job::name)
        .containsExactly("a", "b");
    assertThat(h.store.job(a.id()).orElseThrow().priority()).isEqualTo(8);
    assertThatThrownBy(() -> h.queue.changePriority(b.id(), 10))
        .hasMessageContaining("outside 0-9");
    Job w = h.queue.submit(job("w", JobType.CLEANUP, 5, RetryPolicy.DEFAULT, "wait"));
    h.await(w.id(), JobState.RUNNING);
    assertThatThrownBy(() -> h.queue.changePriority(w.id(), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RUNNING");
    h.handler.release("w");
  }

  @Test
  void aWriteTheQueueDidNotMakeIsTakenFromTheStoreSoTheRetrySucceeds() {
    harness(1).queue.pause(QueueName.VIDEO);
    Job a = h.queue.submit(job("a", 2, "ok"));
    // A write whose answer was lost: the store moved on, this queue's copy did not.
    JobBuilder b = a.edit();
    b.priority = 6;
    Job moved = b.build();
    h.store.update(moved);
    assertThatThrownBy(() -> h.queue.changePriority(a.id(), 8))
        .isInstanceOf(dev.omnivibe.engine.store.StaleJobException.class);
    assertThat(h.queue.job(a.id()).orElseThrow().version()).isEqualTo(moved.version());
    h.queue.changePriority(a.id(), 8);
    assertThat(h.store.job(a.id()).orElseThrow().priority()).isEqualTo(8);
    assertThat(h.store.job(a.id()).orElseThrow().version()).isEqualTo(moved.version() + 1);
  }

  @Test
  void aJobMovesWithinItsPriority() {
    harness(1).queue.pause(QueueName.VIDEO);
    List<Job> jobs =
        List.of("a", "b", "c", "d").stream().map(n -> h.queue.submit(job(n, 5, "ok"))).toList();
    h.queue.submit(job("urgent", 9, "ok"));
    h.queue.move(jobs.get(3).id(), 0);
    assertThat(names()).containsExactly("urgent", "d", "a", "b", "c");
    h.queue.move(jobs.get(0).id(), 99);
    assertThat(names()).containsExactly("urgent", "d", "b", "c", "a");
    // Moves into the same gap halve it each time; past ~16 the band is renumbered.
    for (int i = 0; i < 40; i++) {
      h.queue.move(jobs.get(i % 2 == 0 ? 1 : 2).id(), 1);
    }
    assertThat(names()).containsExactly("urgent", "d", "c", "b", "a");
    h.queue.resume(QueueName.VIDEO);
    h.awaitStarted(5);
    assertThat(h.handler.started).containsExactly("urgent", "d", "c", "b", "a");
  }

  private List<String> names() {
    return h.queue.waitingJobs(QueueName.VIDEO).stream().map(Job::name).toList();
  }

  @Test
  void aTransientFailureWaitsWithBackOffThenRuns() {
    harness(1);
    Job a = h.queue.submit(job("a", 5, "fail:TRANSIENT", "ok"));
    Job waiting = h.await(a.id(), JobState.RETRY_WAIT);
    assertThat(waiting.retries()).isEqualTo(1);
    assertThat(waiting.error().kind()).isEqualTo(FailureKind.TRANSIENT);
    Duration wait = Duration.between(h.clock.instant(), waiting.notBefore());
    assertThat(wait).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(75));
    h.clock.advance(wait.minusSeconds(1));
    h.queue.tick();
    assertThat(h.queue.job(a.id()).orElseThrow().state()).isEqualTo(JobState.RETRY_WAIT);
    h.clock.advance(Duration.ofSeconds(1));
    h.queue.tick();
    Job done = h.await(a.id(), JobState.SUCCEEDED);
    assertThat(done.attempts()).isEqualTo(2);
  }

  @Test
  void retriesBackOffExponentiallyAndStopAtTheLimit() {
    harness(1);
    Job a = h.queue.submit(job("a", 5, "fail:TRANSIENT"));
    for (int retry = 1; retry <= 3; retry++) {
      int expected = retry;
      Job w =
          dev.omnivibe.engine.testkit.Await.value(
              "retry " + retry,
              () -> h.queue.job(a.id()).orElseThrow(),
              j -> j.state() == JobState.RETRY_WAIT && j.retries() == expected);
      Duration base = Duration.ofSeconds(60L << (retry - 1));
      assertThat(Duration.between(h.clock.instant(), w.notBefore()))
          .isBetween(base, base.plus(base.dividedBy(4)));
      h.clock.set(w.notBefore());
      h.queue.tick();
    }
    Job failed = h.await(a.id(), JobState.FAILED);
    assertThat(failed.attempts()).isEqualTo(4);
    assertThat(failed.error().message()).contains("failed on purpose");
  }

  @Test
  void badInputIsNeverRetried() {
    harness(1);
    Job a = h.queue.submit(job("a", 5, "fail:BAD_INPUT", "ok"));
    Job failed = h.await(a.id(), JobState.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.error().kind()).isEqualTo(FailureKind.BAD_INPUT);
  }

  @Test
  void anEncoderFailureIsRetriedInSoftware() {
    harness(1);
    Job a = h.queue.submit(job("a", 5, "fail:ENCODER", "ok"));
    Job w = h.await(a.id(), JobState.RETRY_WAIT);
    assertThat(w.softwareOnly()).isTrue();
    h.clock.set(w.notBefore());
    h.queue.tick();
    h.await(a.id(), JobState.SUCCEEDED);
    assertThat(h.handler.softwareOnly).containsExactly(false, true);
  }

  @Test
  void aFailedJobCanBeRetriedByHandWithAFreshBudget() {
    harness(1);
    Job a = h.queue.submit(job("a", 5, "fail:BAD_INPUT", "ok"));
    h.await(a.id(), JobState.FAILED);
    Job again = h.queue.retry(a.id());
    assertThat(again.state()).isEqualTo(JobState.QUEUED);
    assertThat(again.error()).isNull();
    Job done = h.await(a.id(), JobState.SUCCEEDED);
    assertThat(done.attempts()).isEqualTo(2);
    assertThatThrownBy(() -> h.queue.retry(a.id())).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void theSoftLimitStopsTheJobAndMarksItTimedOut() {
    harness(1);
    Job a = h.queue.submit(job("a", 5, "wait"));
    h.await(a.id(), JobState.RUNNING);
    h.clock.advance(Duration.ofMinutes(4));
    h.queue.tick();
    assertThat(h.queue.job(a.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
    // keep it from looking stalled: the scripted job reports nothing, so only move past soft
    h.clock.advance(Duration.ofMinutes(51));
    h.queue.tick();
    Job failed = h.await(a.id(), JobState.FAILED);
    assertThat(failed.error().kind()).isEqualTo(FailureKind.TIMED_OUT);
    assertThat(failed.error().message()).contains("soft time limit of 55 min");
  }

  @Test
  void aStalledJobCountsAsARetryableFailure() {
    harness(1);
    Job a = h.queue.submit(job("a", 5, "wait", "ok"));
    h.await(a.id(), JobState.RUNNING);
    h.clock.advance(Duration.ofMinutes(5));
    h.queue.tick();
    Job w = h.await(a.id(), JobState.RETRY_WAIT);
    assertThat(w.error().kind()).isEqualTo(FailureKind.STALLED);
    assertThat(w.error().message()).contains("no progress for 5 min");
  }

  @Test
  void theHardLimitKillsAStuckJobAndAFreshWorkerCarriesOn() {
    harness(1);
    Job stuck = h.queue.submit(job("stuck", 5, "stuck"));
    h.await(stuck.id(), JobState.RUNNING);
    Job next = h.queue.submit(job("next", 5, "ok"));
    h.clock.advance(Duration.ofMinutes(60));
    h.queue.tick();
    Job killed = h.await(stuck.id(), JobState.FAILED);
    assertThat(killed.error().kind()).isEqualTo(FailureKind.KILLED);
    h.await(next.id(), JobState.SUCCEEDED);
    // The stuck handler finally returns: its late success must not overwrite the verdict.
    h.handler.release("stuck");
    h.awaitStarted(2);
    assertThat(h.queue.job(stuck.id()).orElseThrow().state()).isEqualTo(JobState.FAILED);
    assertThat(h.queue.snapshot(QueueName.VIDEO).workers()).isEqualTo(1);
  }

  @Test
  void identicalOpenJobsMergeIntoOneRun() {
    harness(1).queue.pause(QueueName.VIDEO);
    NewJob spec = job("same", 5, "ok");
    NewJob keyed =
        new NewJob("same", JobType.RENDER, null, 5, spec.payload(), null, null, "k1", Job.LOCAL);
    Job first = h.queue.submit(keyed);
    Job second = h.queue.submit(keyed);
    assertThat(second.mergedInto()).isEqualTo(first.id());
    h.queue.resume(QueueName.VIDEO);
    h.await(first.id(), JobState.SUCCEEDED);
    Job follower = h.await(second.id(), JobState.SUCCEEDED);
    assertThat(follower.cached()).isTrue();
    assertThat(h.handler.started).containsExactly("same");
  }

  @Test
  void cancellingTheLeaderHandsTheRenderToAFollower() {
    harness(1).queue.pause(QueueName.VIDEO);
    NewJob spec = job("same", 5, "ok");
    NewJob keyed =
        new NewJob("same", JobType.RENDER, null, 5, spec.payload(), null, null, "k1", Job.LOCAL);
    Job first = h.queue.submit(keyed);
    Job second = h.queue.submit(keyed);
    Job third = h.queue.submit(keyed);
    h.queue.cancel(first.id());
    assertThat(h.queue.job(second.id()).orElseThrow().mergedInto()).isNull();
    assertThat(h.queue.job(third.id()).orElseThrow().mergedInto()).isEqualTo(second.id());
    h.queue.resume(QueueName.VIDEO);
    h.await(second.id(), JobState.SUCCEEDED);
    h.await(third.id(), JobState.SUCCEEDED);
    assertThat(h.handler.started).hasSize(1);
    assertThat(h.queue.job(first.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
  }

  @Test
  void unknownIdsAreNamed() {
    harness(1);
    assertThatThrownBy(() -> h.queue.cancel("nope"))
        .isInstanceOf(UnknownJobException.class)
        .hasMessageContaining("'nope'");
    assertThatThrownBy(() -> h.queue.changePriority("nope", 3))
        .isInstanceOf(UnknownJobException.class);
    assertThatThrownBy(() -> h.queue.move("nope", 0)).isInstanceOf(UnknownJobException.class);
  }

  @Test
  void listenersSeeEveryStateAndThrottledProgress() {
    harness(1);
    Job a = h.queue.submit(job("a", 5, "progress"));
    h.await(a.id(), JobState.SUCCEEDED);
    // Events arrive on their own thread, after the state they report.
    dev.omnivibe.engine.testkit.Await.until(
        "the SUCCEEDED event",
        () ->
            h.events.stream()
                .anyMatch(
                    e ->
                        e.kind() == JobEvent.Kind.CHANGED
                            && e.job().state() == JobState.SUCCEEDED));
    List<JobState> states =
        h.events.stream()
            .filter(e -> e.kind() == JobEvent.Kind.CHANGED && e.job().id().equals(a.id()))
            .map(e -> e.job().state())
            .toList();
    assertThat(states).containsExactly(JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED);
    long progress = h.events.stream().filter(e -> e.kind() == JobEvent.Kind.PROGRESS).count();
    // 1000 reports in well under a second: the throttle lets a handful through, and always 100%.
    assertThat(progress).isBetween(1L, 50L);
    assertThat(
            h.events.stream()
                .filter(e -> e.kind() == JobEvent.Kind.PROGRESS)
                .reduce((x, y) -> y)
                .orElseThrow()
                .progress()
                .percent())
        .isEqualTo(100.0);
  }

  @Test
  void everyJobsEventsArriveInTheOrderTheyHappened() {
    harness(2);
    List<Job> jobs = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      jobs.add(h.queue.submit(job("j" + i, i % 10, "ok")));
    }
    dev.omnivibe.engine.testkit.Await.until(
        "200 SUCCEEDED events",
        () ->
            h.events.stream()
                    .filter(
                        e ->
                            e.kind() == JobEvent.Kind.CHANGED
                                && e.job().state() == JobState.SUCCEEDED)
                    .count()
                == 200);
    for (Job j : jobs) {
      List<JobState> states =
          h.events.stream()
              .filter(e -> e.kind() == JobEvent.Kind.CHANGED && e.job().id().equals(j.id()))
              .map(e -> e.job().state())
              .toList();
      assertThat(states)
          .as(j.name())
          .containsExactly(JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED);
    }
  }

  @Test
  void workersCanBeAddedWhileRunning() {
    harness(1);
    Job a = h.queue.submit(job("a", 5, "wait"));
    Job b = h.queue.submit(job("b", 5, "wait"));
    h.await(a.id(), JobState.RUNNING);
    assertThat(h.queue.job(b.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
    h.queue.setWorkers(QueueName.VIDEO, 2);
    h.await(b.id(), JobState.RUNNING);
    h.handler.release("a");
    h.handler.release("b");
    h.await(a.id(), JobState.SUCCEEDED);
    h.await(b.id(), JobState.SUCCEEDED);
    assertThatThrownBy(() -> h.queue.setWorkers(QueueName.VIDEO, 0)).hasMessageContaining("1-64");
  }
}
