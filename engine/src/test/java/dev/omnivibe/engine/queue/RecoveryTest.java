package dev.omnivibe.engine.queue;

import static dev.omnivibe.engine.queue.QueueHarness.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.QueueName;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acks late: what a dead process left RUNNING runs again, once, with its attempts kept. */
class RecoveryTest {
  @TempDir Path dir;

  @Test
  void jobsLeftRunningAreQueuedAgainKeepingTheirAttempts() {
    try (QueueHarness h = new QueueHarness(dir, 1)) {
      h.queue.start();
      Job a = h.queue.submit(job("a", 5, "stuck", "ok"));
      h.await(a.id(), JobState.RUNNING);
      h.queue.pause(QueueName.VIDEO);
      Job b = h.queue.submit(job("b", 5, "ok"));
      // The process "dies": its store still says RUNNING for a.
      h.store.close();
      h.store = dev.omnivibe.engine.adapters.sqlite.SqliteStore.open(h.db);
      assertThat(h.store.job(a.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
      h.queue = null;
      h.open(1);
      int recovered = h.queue.start();
      assertThat(recovered).isEqualTo(1);
      Job done = h.await(a.id(), JobState.SUCCEEDED);
      assertThat(done.attempts()).isEqualTo(2);
      h.await(b.id(), JobState.SUCCEEDED);
      assertThat(h.handler.started).containsExactly("a", "a", "b");
    }
  }
}
