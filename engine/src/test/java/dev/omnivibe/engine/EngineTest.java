package dev.omnivibe.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnivibe.engine.deck.InvalidDeckException;
import dev.omnivibe.engine.dedup.ContentHasher;
import dev.omnivibe.engine.ffmpeg.Ffprobe;
import dev.omnivibe.engine.job.Job;
import dev.omnivibe.engine.job.JobState;
import dev.omnivibe.engine.job.QueueName;
import dev.omnivibe.engine.queue.JobEvent;
import dev.omnivibe.engine.queue.QueueStatus;
import dev.omnivibe.engine.request.RenderRequest;
import dev.omnivibe.engine.sample.SampleDeckWriter;
import dev.omnivibe.engine.store.JobQuery;
import dev.omnivibe.engine.testkit.Await;
import dev.omnivibe.engine.testkit.MutableClock;
import dev.omnivibe.engine.testkit.TestDecks;
import dev.omnivibe.engine.testkit.TestFfmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade end to end: real decks, real FFmpeg renders, a real SQLite store. */
class EngineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path shared;
  static Path deckFile;
  @TempDir Path data;
  final MutableClock clock = MutableClock.at("2026-11-24T09:00:00Z");
  Engine engine;

  @BeforeAll
  static void deck() throws IOException {
    deckFile = TestDecks.tiny(shared.resolve("deck"), 3, 1.0, 0.5, "fade");
  }

  Engine open() {
    engine =
        Engine.open(
            new EngineConfig(data, TestFfmpeg.real())
                .clock(clock)
                .workers(QueueName.VIDEO, 1)
                .tickEvery(null)
                .encoderCache(shared.resolve("encoders.json")));
    return engine;
  }

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  static RenderRequest request(Path deck) throws IOException {
    return RenderRequest.local("Quarterly update", JSON.readTree(deck.toFile()), deck.getParent());
  }

  Job finished(Job job) {
    return Await.value(
        "job " + job.id() + " to finish",
        () -> engine.job(job.id()).orElseThrow(),
        j -> j.state().isTerminal());
  }

  @Test
  void aRenderProducesAPlayableFileAndFeedsTheMonitorAndEstimates() throws Exception {
    open();
    double before = engine.estimateSeconds(TestDecks.resolve(deckFile), "auto");
    Job done = finished(engine.submit(request(deckFile)));
    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.attempts()).isEqualTo(1);
    Path out = Path.of(done.result().output());
    assertThat(out).startsWith(engine.outputsDir()).hasFileName(out.getFileName().toString());
    assertThat(out.getFileName().toString()).startsWith("Quarterly-update-").endsWith(".mp4");
    assertThat(ContentHasher.fresh(out)).isEqualTo(done.result().sha256());
    assertThat(new Ffprobe(TestFfmpeg.real()).probe(out).path("format").path("duration").asDouble())
        .isBetween(2.9, 3.1);
    assertThat(done.result().encoder()).isEqualTo("libx264");
    assertThat(engine.metrics().report("render", Duration.ofHours(1)).total().count()).isEqualTo(1);
    assertThat(engine.metrics().report("render-step", Duration.ofHours(1)).operations())
        .isNotEmpty();
    assertThat(engine.estimateSeconds(TestDecks.resolve(deckFile), "auto")).isLessThan(before);
    assertThat(engine.queues()).extracting(QueueStatus::depth).containsOnly(0);
    assertThat(engine.jobs(JobQuery.all(10)).jobs()).extracting(Job::id).containsExactly(done.id());
  }

  @Test
  void anIdenticalSubmissionIsAnsweredFromTheEarlierResultWithinTheTtl() throws Exception {
    open();
    Job first = finished(engine.submit(request(deckFile)));
    Job again = engine.submit(request(deckFile));
    assertThat(again.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(again.cached()).isTrue();
    assertThat(again.id()).isNotEqualTo(first.id());
    assertThat(again.result()).isEqualTo(first.result());
    assertThat(engine.dedupStats().hits()).isEqualTo(1);
    assertThat(engine.dedupStats().hitRate()).isEqualTo(0.5);
    clock.advance(Duration.ofMinutes(61));
    Job afterTtl = engine.submit(request(deckFile));
    assertThat(afterTtl.cached()).isFalse();
    assertThat(finished(afterTtl).state()).isEqualTo(JobState.SUCCEEDED);
  }

  @Test
  void aChangedInputFileIsANewRender() throws Exception {
    open();
    Path deck = TestDecks.tiny(data.resolve("deck"), 2, 1.0, 0.5, null);
    finished(engine.submit(request(deck)));
    // Same file names, same deck JSON, different pixels.
    Path first = deck.resolveSibling("slides/01.png");
    assertThat(first).exists();
    Files.copy(
        deck.resolveSibling("slides/02.png"),
        first,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Job changed = engine.submit(request(deck));
    assertThat(changed.cached()).isFalse();
    assertThat(finished(changed).state()).isEqualTo(JobState.SUCCEEDED);
  }

  @Test
  void aResultWhoseFileChangedIsNotReused() throws Exception {
    open();
    Job first = finished(engine.submit(request(deckFile)));
    Files.write(
        Path.of(first.result().output()), new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
    Job again = engine.submit(request(deckFile));
    assertThat(again.cached()).isFalse();
    assertThat(engine.dedupStats().stale()).isEqualTo(1);
    assertThat(finished(again).state()).isEqualTo(JobState.SUCCEEDED);
  }

  @Test
  void identicalSubmissionsWhileOneIsOpenShareOneRender() throws Exception {
    open();
    engine.queue().pause(QueueName.VIDEO);
    Job a = engine.submit(request(deckFile));
    Job b = engine.submit(request(deckFile));
    assertThat(b.mergedInto()).isEqualTo(a.id());
    assertThat(engine.dedupStats().merged()).isEqualTo(1);
    engine.queue().resume(QueueName.VIDEO);
    Job da = finished(a);
    Job db = finished(b);
    assertThat(db.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(db.result().output()).isEqualTo(da.result().output());
    try (Stream<Path> outputs = Files.list(engine.outputsDir())) {
      assertThat(outputs.toList()).hasSize(1);
    }
  }

  @Test
  void queuedJobsHaveEtasThatAddUpInQueueOrder() throws Exception {
    open();
    engine.queue().pause(QueueName.VIDEO);
    Job a = engine.submit(request(deckFile));
    Path other = TestDecks.tiny(data.resolve("other"), 2, 1.0, 0.5, null);
    Job b = engine.submit(request(other));
    double etaA = engine.etaSeconds(a.id());
    double etaB = engine.etaSeconds(b.id());
    QueueStatus video = engine.queues().get(0);
    assertThat(video.name()).isEqualTo(QueueName.VIDEO);
    assertThat(video.depth()).isEqualTo(2);
    assertThat(video.paused()).isTrue();
    assertThat(etaA).isPositive();
    assertThat(etaB).isGreaterThan(etaA);
    assertThat(video.etaSeconds()).isEqualTo(etaB, org.assertj.core.data.Offset.offset(1e-9));
    engine.queue().resume(QueueName.VIDEO);
    finished(b);
    assertThat(engine.etaSeconds(b.id())).isZero();
  }

  @Test
  void cancellingARunningRenderLeavesNoOutput() throws Exception {
    open();
    Path big =
        SampleDeckWriter.write(
            data.resolve("big"),
            new SampleDeckWriter.Spec(24, 1280, 720, 2.0, 1.0, "wipeleft", 1.0, 1280, 720, 30));
    AtomicBoolean cancelled = new AtomicBoolean();
    engine
        .queue()
        .addListener(
            e -> {
              if (e.kind() == JobEvent.Kind.PROGRESS && cancelled.compareAndSet(false, true)) {
                engine.queue().cancel(e.job().id());
              }
            });
    Job done = finished(engine.submit(request(big)));
    assertThat(cancelled).isTrue();
    assertThat(done.state()).isEqualTo(JobState.CANCELLED);
    try (Stream<Path> outputs = Files.list(engine.outputsDir())) {
      assertThat(outputs.toList()).isEmpty();
    }
    try (Stream<Path> work = Files.list(data.resolve("work"))) {
      assertThat(work.toList()).isEmpty();
    }
  }

  @Test
  void badInputIsRefusedAtSubmitAndNothingIsQueued() throws Exception {
    open();
    ObjectNode deck = (ObjectNode) JSON.readTree(deckFile.toFile());
    ((ObjectNode) deck.withArray("slides").get(1)).put("image", "missing.png");
    RenderRequest bad = RenderRequest.local("bad", deck, deckFile.getParent());
    assertThatThrownBy(() -> engine.submit(bad))
        .isInstanceOf(InvalidDeckException.class)
        .hasMessageContaining("slides[1].image")
        .hasMessageContaining("missing.png");
    assertThat(engine.jobs(JobQuery.all(10)).jobs()).isEmpty();
    RenderRequest badEncoder =
        new RenderRequest(
            "x",
            JSON.readTree(deckFile.toFile()),
            deckFile.getParent(),
            5,
            null,
            "h264_nvenc",
            null,
            null,
            null);
    assertThatThrownBy(() -> engine.submit(badEncoder))
        .hasMessageContaining("h264_nvenc is not usable");
    assertThatThrownBy(() -> engine.queue().cancel("no-such-job"))
        .hasMessageContaining("no-such-job");
  }

  @Test
  void remoteDecksUseAssetIdsAndMayNotNamePaths() throws Exception {
    open();
    JsonNode local = JSON.readTree(deckFile.toFile());
    ObjectNode remote = local.deepCopy();
    Files.createDirectories(engine.assetsDir());
    for (JsonNode slide : remote.withArray("slides")) {
      for (String field : List.of("image", "narration")) {
        if (slide.has(field)) {
          Path file = deckFile.resolveSibling(slide.get(field).asText());
          String sha = ContentHasher.fresh(file);
          Files.copy(
              file,
              engine.assetsDir().resolve(sha),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          ((ObjectNode) slide).put(field, "asset:" + sha);
        }
      }
    }
    Job job =
        engine.submit(new RenderRequest("remote", remote, null, 5, null, "auto", null, null, null));
    assertThat(finished(job).state()).isEqualTo(JobState.SUCCEEDED);
    assertThatThrownBy(
            () ->
                engine.submit(
                    new RenderRequest("sneaky", local, null, 5, null, "auto", null, null, null)))
        .isInstanceOf(InvalidDeckException.class)
        .hasMessageContaining("upload the file");
  }

  @Test
  void aSecondEngineOnTheSameFolderIsRefused() {
    open();
    assertThatThrownBy(() -> Engine.open(new EngineConfig(data, TestFfmpeg.real()).tickEvery(null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another OmniVibe engine")
        .hasMessageContaining(data.toString());
  }
}
