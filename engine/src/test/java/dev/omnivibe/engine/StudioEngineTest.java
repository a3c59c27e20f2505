package dev.omnivibe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.dedup.ContentHasher;
import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobResult;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.JobType;
import dev.omnivibe.engine.job.Priority;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.job.RetryPolicy;
import dev.omnivibe.engine.queue.JobFailedException;
import dev.omnivibe.engine.queue.JobHandler;
import dev.omnivibe.engine.request.RenderRequest;
import dev.omnivibe.engine.sample.SampleDeckWriter;
import dev.omnivibe.engine.studio.StudioOptions;
import dev.omnivibe.engine.testkit.Await;
import dev.omnivibe.engine.testkit.RedisServer;
import dev.omnivibe.engine.testkit.TestDecks;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Studio mode in one JVM: engines with their own data folders and stores on one real Redis and one
 * shared folder. A render submitted on one node runs on another and its result lands in the
 * submitter's record. (Separate processes, kills and Redis restarts: {@link StudioProcessTest}.)
 */
class StudioEngineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static RedisServer redis;
  @TempDir static Path fixtures;
  static Path deckFile;
  @TempDir Path dir;
  final List<Engine> engines = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    redis = RedisServer.start();
    deckFile = TestDecks.tiny(fixtures.resolve("deck"), 2, 1.0, 0.5, "fade");
  }

  @AfterAll
  static void stop() {
    redis.stop();
  }

  @AfterEach
  void close() {
    engines.forEach(Engine::close);
    // One studio per test: what a test left in the streams must not reach the next one.
    var client = io.lettuce.core.RedisClient.create(redis.uri());
    try (var c = client.connect()) {
      c.sync().flushall();
    } finally {
      client.shutdown();
    }
  }

  Engine node(String id, int capacity, JobHandler render) {
    EngineConfig config =
        new EngineConfig(dir.resolve(id), TestFfmpeg.real())
            .encoderCache(fixtures.resolve("encoders.json"))
            .studio(
                StudioOptions.of(redis.uri(), id + "-" + dir.getFileName(), dir.resolve("shared"))
                    .withCapacity(capacity)
                    .withReclaimAfter(Duration.ofSeconds(2)));
    if (render != null) {
      config.handler(JobType.RENDER, render);
    }
    Engine e = Engine.open(config);
    engines.add(e);
    return e;
  }

  static JsonNode deck() throws IOException {
    return JSON.readTree(deckFile.toFile());
  }

  static Job finished(Engine e, String id) {
    return Await.value(
        "job " + id + " to finish",
        () -> e.job(id).orElseThrow(),
        j -> j.state().isTerminal() && !j.isFollower());
  }

  @Test
  void aRenderSubmittedOnALaptopRunsOnARenderNodeAndLandsInTheLaptopsRecord() throws Exception {
    Engine laptop = node("laptop", 0, null);
    Engine renderNode = node("render", 1, null);
    assertThat(laptop.studioStatus()).get().asString().contains("node laptop");

    Job job = laptop.submit(RenderRequest.local("Studio", deck(), deckFile.getParent()));
    // The deck's own files were copied to the shared folder: the render node reads them there.
    JsonNode stored = job.payload().node();
    assertThat(stored.path("baseDir").isNull()).isTrue();
    assertThat(stored.path("deck").path("slides").get(0).path("image").asText())
        .startsWith("asset:");
    assertThat(Path.of(stored.path("output").asText()).getParent())
        .isEqualTo(dir.resolve("shared/outputs").toAbsolutePath().normalize());

    List<JobState> seen = new ArrayList<>();
    laptop
        .queue()
        .addListener(
            e -> {
              if (e.job().id().equals(job.id())) {
                synchronized (seen) {
                  seen.add(e.job().state());
                }
              }
            });
    Job done = finished(laptop, job.id());
    assertThat(done.state()).as("%s", done.error()).isEqualTo(JobState.SUCCEEDED);
    // The laptop's record names the node that ran the attempt.
    assertThat(done.nodes()).containsExactly("render-" + dir.getFileName());
    Await.until(
        "listeners to hear it start and succeed",
        () -> {
          synchronized (seen) {
            return seen.contains(JobState.RUNNING) && seen.contains(JobState.SUCCEEDED);
          }
        });
    Path out = Path.of(done.result().output());
    assertThat(ContentHasher.fresh(out)).isEqualTo(done.result().sha256());
    double seconds =
        new Ffprobe(TestFfmpeg.real()).probe(out).path("format").path("duration").asDouble();
    assertThat(seconds).isGreaterThan(1.0);
    // The laptop ran nothing; the render node's store has no record of the laptop's job.
    assertThat(laptop.job(job.id()).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(renderNode.job(job.id())).isEmpty();
  }

  @Test
  void anIdenticalRenderSubmittedOnAnotherNodeReusesTheStudiosResult() throws Exception {
    Engine a = node("a", 1, null);
    Engine b = node("b", 0, null);
    Job first =
        finished(a, a.submit(RenderRequest.local("One", deck(), deckFile.getParent())).id());
    assertThat(first.state()).isEqualTo(JobState.SUCCEEDED);

    Job sub = b.submit(RenderRequest.local("Two", deck(), deckFile.getParent()));
    Job second = finished(b, sub.id());
    assertThat(second.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(second.result().output()).isEqualTo(first.result().output());
    try (Stream<Path> outputs = Files.list(dir.resolve("shared/outputs"))) {
      assertThat(outputs.filter(p -> p.toString().endsWith(".mp4")).count())
          .as("rendered once for the studio")
          .isEqualTo(1);
    }
  }

  @Test
  void cancellingOnTheSubmitterStopsTheRenderOnTheNodeRunningIt() throws Exception {
    Engine submitter = node("submitter", 0, null);
    Engine runner = node("runner", 1, null);
    Path big =
        SampleDeckWriter.write(
            dir.resolve("big"),
            new SampleDeckWriter.Spec(24, 1280, 720, 2.0, 1.0, "wipeleft", 1.0, 1280, 720, 30));
    Job job =
        submitter.submit(RenderRequest.local("Long", JSON.readTree(big.toFile()), big.getParent()));
    Await.until("the runner to take it", () -> runner.runningHere().contains(job.id()));
    Await.until(
        "the submitter to see it running",
        () -> submitter.job(job.id()).orElseThrow().state() == JobState.RUNNING);
    submitter.queue().cancel(job.id());
    assertThat(finished(submitter, job.id()).state()).isEqualTo(JobState.CANCELLED);
    Await.until("the runner to stop", () -> runner.runningHere().isEmpty());
  }

  @Test
  void aFailedAttemptOnAnotherNodeIsRetriedWithTheSubmittersPolicy() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Engine submitter = node("s", 0, null);
    node(
        "flaky",
        1,
        ctx -> {
          if (calls.incrementAndGet() == 1) {
            throw new JobFailedException(
                dev.omnivibe.engine.job.FailureKind.TRANSIENT, "disk hiccup", null);
          }
          return JobResult.none(1);
        });
    ObjectNode deck = (ObjectNode) deck();
    Job job =
        submitter.submit(
            new RenderRequest(
                "Flaky",
                deck,
                deckFile.getParent(),
                Priority.DEFAULT,
                QueueName.VIDEO,
                "auto",
                null,
                new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(100), 0),
                null));
    Job done = finished(submitter, job.id());
    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.retries()).isEqualTo(1);
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void anAttemptThatRedisLostIsPublishedAgain() throws Exception {
    Engine submitter = node("keeper", 0, null);
    Job job = submitter.submit(RenderRequest.local("Lost", deck(), deckFile.getParent()));
    var client = io.lettuce.core.RedisClient.create(redis.uri());
    try (var c = client.connect()) {
      Await.until(
          "the attempt to be published",
          () -> c.sync().exists("omnivibe:dispatched:" + job.id()) == 1);
    } finally {
      client.shutdown();
    }
    redis.stop();
    redis.restart(); // no append-only file: the stream and the marker are gone
    node("late", 1, ctx -> JobResult.none(1));
    assertThat(finished(submitter, job.id()).state()).isEqualTo(JobState.SUCCEEDED);
  }

  @Test
  void aJobNeedingAHardwareEncoderWaitsForANodeThatHasIt() throws Exception {
    Engine plain = node("plain", 1, null);
    Job job =
        plain.submit(
            new RenderRequest(
                "GPU only",
                deck(),
                deckFile.getParent(),
                Priority.DEFAULT,
                QueueName.VIDEO,
                "h264_nvenc",
                null,
                null,
                null));
    Thread.sleep(1500);
    assertThat(plain.job(job.id()).orElseThrow().state())
        .as("no node of this studio has NVENC")
        .isEqualTo(JobState.QUEUED);
    assertThat(plain.runningHere()).isEmpty();
  }
}
