package dev.omnivibe.engine.job;

import static dev.omnivibe.engine.job.JobState.CANCELLED;
import static dev.omnivibe.engine.job.JobState.FAILED;
import static dev.omnivibe.engine.job.JobState.QUEUED;
import static dev.omnivibe.engine.job.JobState.RETRY_WAIT;
import static dev.omnivibe.engine.job.JobState.RUNNING;
import static dev.omnivibe.engine.job.JobState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobTransitionsTest {
  private static final Map<JobState, Set<JobState>> EXPECTED =
      Map.of(
          QUEUED, EnumSet.of(RUNNING, CANCELLED, FAILED),
          RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED, RETRY_WAIT, QUEUED),
          RETRY_WAIT, EnumSet.of(QUEUED, CANCELLED),
          FAILED, EnumSet.of(QUEUED),
          CANCELLED, EnumSet.of(QUEUED),
          SUCCEEDED, EnumSet.noneOf(JobState.class));

  @Test
  void everyPairFollowsTheTable() {
    for (JobState from : JobState.values()) {
      for (JobState to : JobState.values()) {
        assertThat(JobTransitions.allowed(from, to))
            .as(from + " -> " + to)
            .isEqualTo(EXPECTED.get(from).contains(to));
      }
      assertThat(JobTransitions.next(from)).isEqualTo(EXPECTED.get(from));
    }
  }

  @Test
  void anIllegalChangeNamesFromAndTo() {
    Job done = job().to(RUNNING, Instant.EPOCH).to(SUCCEEDED, Instant.EPOCH);
    assertThatThrownBy(() -> done.to(RUNNING, Instant.EPOCH))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("SUCCEEDED")
        .hasMessageContaining("RUNNING")
        .hasMessageContaining("j1");
  }

  @Test
  void startingCountsAnAttemptAndEachChangeBumpsTheVersion() {
    Job j = job();
    Job running = j.to(RUNNING, Instant.ofEpochSecond(5));
    assertThat(running.attempts()).isEqualTo(1);
    assertThat(running.startedAt()).isEqualTo(Instant.ofEpochSecond(5));
    assertThat(running.version()).isEqualTo(j.version() + 1);
    Job failed = running.to(FAILED, Instant.ofEpochSecond(9));
    assertThat(failed.finishedAt()).isEqualTo(Instant.ofEpochSecond(9));
    assertThat(failed.to(QUEUED, Instant.ofEpochSecond(10)).finishedAt()).isNull();
  }

  @Test
  void priorityOutsideZeroToNineIsRefused() {
    assertThatThrownBy(() -> Priority.check(10)).hasMessageContaining("priority 10 is outside 0-9");
    assertThatThrownBy(() -> Priority.check(-1)).hasMessageContaining("priority -1");
    assertThat(Priority.check(9)).isEqualTo(9);
  }

  @Test
  void unknownQueueNamesTheKnownOnes() {
    assertThat(QueueName.parse(" Video ")).isEqualTo(QueueName.VIDEO);
    assertThatThrownBy(() -> QueueName.parse("gpu"))
        .hasMessageContaining("unknown queue 'gpu'")
        .hasMessageContaining("video, audio, maintenance");
  }

  static Job job() {
    return Job.queued(
        "j1", "one", JobType.RENDER, QueueName.VIDEO, 5, 1, null, null, null, Instant.EPOCH);
  }
}
