package dev.omnivibe.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnivibe.engine.job.FailureKind;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobBuilder;
import dev.omnivibe.engine.job.JobError;
import dev.omnivibe.engine.job.JobResult;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.job.RetryPolicy;
import dev.omnivibe.engine.job.TimeLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} adapter must do. Each adapter's test extends this and supplies a fresh,
 * empty store on its real backend.
 */
public abstract class StoreContract {
  protected static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123456Z");
  protected Store store;

  protected abstract Store newStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = newStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  protected static Job job(String id, int priority, long rank, Instant created) {
    try {
      return Job.queued(
          id,
          "job " + id,
          JobType.RENDER,
          QueueName.VIDEO,
          priority,
          rank,
          dev.omnivibe.engine.job.Payload.of(
              new ObjectMapper()
                  .readTree("{\"deck\":{\"slides\":[{\"image\":\"a.png\"}]},\"n\":1.5}")),
          new RetryPolicy(2, Duration.ofSeconds(5), Duration.ofMinutes(1), 0.1),
          new TimeLimits(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofSeconds(30)),
          created);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aJobReadsBackExactlyAsWritten() {
    Job j = job("a", 7, 10, T0);
    store.insert(j);
    assertThat(store.job("a")).contains(j);
    assertThat(store.job("missing")).isEmpty();
  }

  @Test
  void everyFieldSurvivesAFullLifecycle() {
    Job j = job("a", 3, 10, T0);
    store.insert(j);
    Job running = j.to(JobState.RUNNING, T0.plusSeconds(1));
    store.update(running);
    JobBuilder b = running.transition(JobState.SUCCEEDED, T0.plusSeconds(9));
    b.result =
        new JobResult(
            "/out/a.mp4",
            1234,
            "ab".repeat(32),
            "libx264",
            "nvenc failed: busy",
            300,
            12,
            10.0,
            850,
            11.76,
            "bundled FFmpeg 8.0.1");
    b.error = new JobError(FailureKind.ENCODER, "first attempt: session limit");
    b.dedupKey = "k".repeat(64);
    b.softwareOnly = true;
    b.cached = true;
    Job done = b.build();
    store.update(done);
    assertThat(store.job("a")).contains(done);
  }

  @Test
  void aSubmitterSeesOnlyItsOwnJobsAndEveryAttemptKeepsItsNode() {
    store.insert(job("mine-1", 5, 1, T0));
    Job theirs =
        Job.queued(
            "theirs",
            "x",
            JobType.RENDER,
            QueueName.VIDEO,
            5,
            2,
            null,
            null,
            null,
            T0.plusSeconds(1),
            "client-b");
    store.insert(theirs);
    Job running = theirs.transition(JobState.RUNNING, T0.plusSeconds(2)).ranOn("node-1").build();
    store.update(running);
    assertThat(store.job("theirs").orElseThrow().nodes()).containsExactly("node-1");
    assertThat(store.job("theirs").orElseThrow().submittedBy()).isEqualTo("client-b");
    assertThat(store.jobs(JobQuery.all(10).of("client-b")).jobs())
        .extracting(Job::id)
        .containsExactly("theirs");
    assertThat(store.jobs(JobQuery.all(10).of(Job.LOCAL)).jobs())
        .extracting(Job::id)
        .containsExactly("mine-1");
    assertThat(store.jobs(JobQuery.all(10)).jobs()).hasSize(2);
  }

  @Test
  void insertingTheSameIdTwiceIsRefused() {
    store.insert(job("a", 5, 1, T0));
    assertThatThrownBy(() -> store.insert(job("a", 5, 2, T0)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("a");
  }

  @Test
  void aStaleWriteIsRefusedAndChangesNothing() {
    Job j = job("a", 5, 1, T0);
    store.insert(j);
    Job first = j.to(JobState.RUNNING, T0);
    Job second = j.to(JobState.CANCELLED, T0);
    store.update(first);
    assertThatThrownBy(() -> store.update(second)).isInstanceOf(StaleJobException.class);
    assertThat(store.job("a")).contains(first);
  }

  @Test
  void updatingAMissingJobFails() {
    Job ghost = job("ghost", 5, 1, T0).to(JobState.RUNNING, T0);
    assertThatThrownBy(() -> store.update(ghost))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("ghost");
  }

  @Test
  void aBatchIsAllOrNothing() {
    Job a = job("a", 5, 1, T0);
    Job b = job("b", 5, 2, T0);
    store.insert(a);
    store.insert(b);
    Job aNext = a.to(JobState.RUNNING, T0);
    Job bStale = b.to(JobState.RUNNING, T0).to(JobState.SUCCEEDED, T0);
    assertThatThrownBy(() -> store.updateAll(List.of(aNext, bStale)))
        .isInstanceOf(StaleJobException.class);
    assertThat(store.job("a")).contains(a);
    store.updateAll(List.of(aNext, b.to(JobState.CANCELLED, T0)));
    assertThat(store.job("a").orElseThrow().state()).isEqualTo(JobState.RUNNING);
    assertThat(store.job("b").orElseThrow().state()).isEqualTo(JobState.CANCELLED);
  }

  @Test
  void jobsInStatesComeOldestFirst() {
    store.insert(job("c", 5, 3, T0.plusSeconds(2)));
    store.insert(job("a", 5, 1, T0));
    store.insert(job("b", 5, 2, T0.plusSeconds(1)));
    Job b = store.job("b").orElseThrow();
    store.update(b.to(JobState.RUNNING, T0));
    assertThat(store.jobsIn(EnumSet.of(JobState.QUEUED, JobState.RUNNING)))
        .extracting(Job::id)
        .containsExactly("a", "b", "c");
    assertThat(store.jobsIn(EnumSet.of(JobState.RUNNING))).extracting(Job::id).containsExactly("b");
    assertThat(store.jobsIn(Set.of())).isEmpty();
  }

  @Test
  void listingPagesNewestFirstWithFilters() {
    for (int i = 0; i < 25; i++) {
      Job j = job(String.format("j%02d", i), 5, i, T0.plusSeconds(i / 2));
      store.insert(j);
      if (i % 3 == 0) {
        store.update(j.to(JobState.CANCELLED, T0));
      }
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JobPage page = store.jobs(new JobQuery(null, null, 10, cursor));
      page.jobs().forEach(j -> seen.add(j.id()));
      cursor = page.next();
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    assertThat(seen.get(0)).isEqualTo("j24");
    assertThat(seen.get(24)).isEqualTo("j00");
    JobPage cancelled =
        store.jobs(new JobQuery(EnumSet.of(JobState.CANCELLED), QueueName.VIDEO, 100, null));
    assertThat(cancelled.jobs()).hasSize(9).allMatch(j -> j.state() == JobState.CANCELLED);
    assertThat(cancelled.next()).isNull();
    assertThat(store.jobs(new JobQuery(null, QueueName.AUDIO, 10, null)).jobs()).isEmpty();
  }

  @Test
  void aForgedCursorIsRefused() {
    assertThatThrownBy(() -> store.jobs(new JobQuery(null, null, 10, "%%%")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cursor");
  }

  @Test
  void latestSucceededHonoursKeyAndWindow() {
    String key = "d".repeat(64);
    for (int i = 0; i < 3; i++) {
      Job j = job("s" + i, 5, i, T0);
      store.insert(j);
      Job running = j.to(JobState.RUNNING, T0);
      store.update(running);
      JobBuilder b = running.transition(JobState.SUCCEEDED, T0.plusSeconds(60L * i));
      b.dedupKey = key;
      store.update(b.build());
    }
    Job failed = job("f", 5, 9, T0);
    store.insert(failed);
    Job failing = failed.to(JobState.RUNNING, T0);
    store.update(failing);
    JobBuilder fb = failing.transition(JobState.FAILED, T0.plusSeconds(500));
    fb.dedupKey = key;
    store.update(fb.build());
    assertThat(store.latestSucceeded(key, T0).map(Job::id)).contains("s2");
    assertThat(store.latestSucceeded(key, T0.plusSeconds(121))).isEmpty();
    assertThat(store.latestSucceeded("e".repeat(64), T0)).isEmpty();
    assertThat(store.succeededSince(T0.plusSeconds(60), 10))
        .extracting(Job::id)
        .containsExactly("s2", "s1");
    assertThat(store.maxRank()).isEqualTo(9);
  }

  @Test
  void presentationsAndClientsRoundTrip() {
    Presentation p = new Presentation("p".repeat(64), "Quarterly", 12, 95.5, T0);
    store.savePresentation(p);
    assertThat(store.presentation(p.id())).contains(p);
    ApiClient c = new ApiClient("c1", "render script", "h".repeat(64), T0, null, "operator", 200.0);
    store.saveClient(c);
    assertThat(store.clientByTokenHash("h".repeat(64))).contains(c);
    ApiClient used =
        new ApiClient("c1", "render script", "h".repeat(64), T0, T0.plusSeconds(5), null, null);
    store.saveClient(used);
    assertThat(store.client("c1")).contains(used);
    assertThat(store.clients()).containsExactly(used);
    assertThat(store.deleteClient("c1")).isTrue();
    assertThat(store.deleteClient("c1")).isFalse();
    assertThat(store.clientByTokenHash("h".repeat(64))).isEmpty();
  }

  @Test
  void rollupsAreKeyedByMinuteAndReplaced() {
    Instant m = Instant.parse("2026-11-24T10:00:00Z");
    MetricRollup a =
        new MetricRollup("render", "render", m, 3, 1, 30.5, 1.5, 20, new byte[] {1, 2, 3});
    MetricRollup b =
        new MetricRollup("api", "GET /jobs", m.plusSeconds(60), 1, 0, 2, 2, 2, new byte[] {9});
    store.saveRollups(List.of(a, b));
    MetricRollup a2 = new MetricRollup("render", "render", m, 4, 1, 40, 1.5, 20, new byte[] {4});
    store.saveRollups(List.of(a2));
    assertThat(store.rollups(m, m.plusSeconds(120))).containsExactly(a2, b);
    assertThat(store.rollups(m.plusSeconds(60), m.plusSeconds(120))).containsExactly(b);
    assertThat(store.deleteRollupsBefore(m.plusSeconds(60))).isEqualTo(1);
    assertThat(store.rollups(m, m.plusSeconds(120))).containsExactly(b);
  }
}
