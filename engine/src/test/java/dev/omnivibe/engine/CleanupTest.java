package dev.omnivibe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.testkit.Await;
import dev.omnivibe.engine.testkit.MutableClock;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The maintenance queue's clean-up on a real data folder, with file ages set against the clock. */
class CleanupTest {
  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");

  Path file(Path p, int bytes, Duration age) throws Exception {
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[bytes]);
    Files.setLastModifiedTime(p, FileTime.from(clock.instant().minus(age)));
    return p;
  }

  @Test
  void oldTemporaryFilesAndExpiredOutputsGoTheRestStays() throws Exception {
    Path data = dir.resolve("data");
    try (Engine engine =
        Engine.open(
            new EngineConfig(data, TestFfmpeg.real())
                .clock(clock)
                .tickEvery(null)
                .outputRetention(Duration.ofDays(30))
                .encoderCache(dir.resolve("encoders.json")))) {
      Path staleWork =
          file(data.resolve("work/omnivibe-render-1/batch-0.h264"), 1000, Duration.ofHours(3));
      Path liveWork =
          file(data.resolve("work/omnivibe-render-2/batch-0.h264"), 1000, Duration.ofMinutes(5));
      Path oldOutput = file(data.resolve("outputs/launch-1.mp4"), 5000, Duration.ofDays(40));
      Path newOutput = file(data.resolve("outputs/launch-2.mp4"), 5000, Duration.ofDays(2));
      Path oldPartial = file(data.resolve("outputs/x.mp4.partial"), 300, Duration.ofHours(5));
      Path oldUpload = file(data.resolve("assets/.upload-123.tmp"), 200, Duration.ofHours(5));
      Path asset = file(data.resolve("assets/" + "a".repeat(64)), 400, Duration.ofDays(90));

      Job job = engine.cleanup();
      assertThat(job.type()).isEqualTo(JobType.CLEANUP);
      assertThat(job.queue()).isEqualTo(QueueName.MAINTENANCE);
      Job done =
          Await.value(
              "clean-up", () -> engine.job(job.id()).orElseThrow(), j -> j.state().isTerminal());

      assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(staleWork.getParent()).doesNotExist();
      assertThat(oldOutput).doesNotExist();
      assertThat(oldPartial).doesNotExist();
      assertThat(oldUpload).doesNotExist();
      assertThat(liveWork).exists();
      assertThat(newOutput).exists();
      assertThat(asset).as("assets are content, not temporary files").exists();
      assertThat(done.result().bytes()).isEqualTo(1000 + 5000 + 300 + 200);
      assertThat(done.result().frames()).as("files removed").isEqualTo(4);
      assertThat(engine.metrics().report("maintenance", Duration.ofHours(1)).total().count())
          .isEqualTo(1);
    }
  }

  @Test
  void withoutARetentionOutputsAreKeptForEver() throws Exception {
    Path data = dir.resolve("data");
    try (Engine engine =
        Engine.open(
            new EngineConfig(data, TestFfmpeg.real())
                .clock(clock)
                .tickEvery(null)
                .encoderCache(dir.resolve("encoders.json")))) {
      Path ancient = file(data.resolve("outputs/old.mp4"), 100, Duration.ofDays(400));
      Job job = engine.cleanup();
      Await.until("clean-up", () -> engine.job(job.id()).orElseThrow().state().isTerminal());
      assertThat(ancient).exists();
    }
  }
}
